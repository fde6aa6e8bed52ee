using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Generator;
using RegisterMasks.Shared;
using Xunit;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>One run of the generator over some sources: what it wrote, the compilation after it, and what the analyzer reports there.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    CSharpCompilation Input,
    Compilation Output,
    ImmutableDictionary<string, string> Sources)
{
    private (ImmutableArray<Diagnostic> Analyzer, ImmutableArray<Diagnostic> Compiler)? _diagnostics;

    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    /// <summary>
    /// What <see cref="RegisterMaskAnalyzer"/> reports on the output, as a build runs it: over the user's
    /// files and ours. Computed once, on first use, with <see cref="CompilationDiagnostics"/> (one binding
    /// of the output serves both); an analyzer exception (AD0001) fails the test.
    /// </summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics => Diagnostics.Analyzer;

    /// <summary>Every diagnostic the compiler reports on the output (user code and generated code together).</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics => Diagnostics.Compiler;

    private (ImmutableArray<Diagnostic> Analyzer, ImmutableArray<Diagnostic> Compiler) Diagnostics =>
        _diagnostics ??= AnalyzerHarness.AnalyzeWithCompiler(Output);

    /// <summary>The generated sources but the attribute definitions, which every run has.</summary>
    public IEnumerable<KeyValuePair<string, string>> GeneratedCode =>
        Sources.Where(source => !source.Key.StartsWith("RegisterMasks.Attributes", StringComparison.Ordinal)
            && !source.Key.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .OrderBy(source => source.Key, StringComparer.Ordinal);

    public string Source(string hintName) => Sources.TryGetValue(hintName, out var text)
        ? text
        : throw new Xunit.Sdk.XunitException($"No generated source '{hintName}'; generated: {string.Join(", ", Sources.Keys)}");

    /// <summary>
    /// The set constants generated for one type (<c>N.Sets</c>, not nested): its block of its namespace's file
    /// (<c>N.RegisterSets.g.cs</c>), from its <c>namespace</c> line (or its own line, in the global namespace) to the
    /// next block; null when that file has none for it.
    /// </summary>
    public string? SetsOf(string typeFullName)
    {
        var dot = typeFullName.LastIndexOf('.');
        var (ns, name) = dot < 0 ? ("", typeFullName) : (typeFullName.Substring(0, dot), typeFullName.Substring(dot + 1));
        if (!Sources.TryGetValue(ns.Length == 0 ? "RegisterSets.g.cs" : ns + ".RegisterSets.g.cs", out var file))
        {
            return null;
        }
        var blocks = Regex.Split(file, @"\n(?=namespace |partial )");
        return blocks.SingleOrDefault(block => Regex.IsMatch(block, @"^\s*partial \w+ " + Regex.Escape(name) + @"\b", RegexOptions.Multiline));
    }

    /// <summary><see cref="SetsOf"/>, failing the test when the type has no generated constants.</summary>
    public string SetsSource(string typeFullName) => SetsOf(typeFullName)
        ?? throw new Xunit.Sdk.XunitException($"No generated set constants for '{typeFullName}'; generated: {string.Join(", ", Sources.Keys)}");
}

/// <summary>
/// Drives <see cref="RegisterMaskGenerator"/> in memory, against reference assemblies shipped in a
/// package (no download at test time). Every run fails on CS8784/CS8785: a generator that throws.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions Latest = new(LanguageVersion.Latest);

    public static CSharpCompilation Compilation(
        IEnumerable<string> sources, CSharpParseOptions? parseOptions = null, NullableContextOptions nullable = NullableContextOptions.Enable,
        IEnumerable<MetadataReference>? references = null)
    {
        var nullableContext = (parseOptions ?? Latest).LanguageVersion >= LanguageVersion.CSharp8 ? nullable : NullableContextOptions.Disable;
        // Parsed once, here: Roslyn's AddSyntaxTrees may enumerate its argument twice, and a lazy sequence would parse
        // two sets of trees, one for the compilation's list and one for its declarations.
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions ?? Latest, path: $"Input{i}.cs")).ToArray();
        var framework = references is null
            ? s_frameworks[0]
            : s_frameworks.FirstOrDefault(candidate => candidate.References.SequenceEqual(references, ReferenceEqualityComparer.Instance));
        return framework is not null
            ? framework.Empty[(int)nullableContext].AddSyntaxTrees(trees)
            : CSharpCompilation.Create("UserAssembly", trees, references, Options(nullableContext));
    }

    /// <summary>
    /// The reference sets most tests compile against (the first is the default), each with an empty compilation per
    /// nullable context that a test's compilation starts from. A compilation made from another by adding trees keeps
    /// its bound references (Roslyn's reference manager, with the symbols it read from the reference assemblies), so
    /// the thousands of compilations the suite makes read the framework's metadata once, not once each: the unit
    /// tests took 92-93 s of CPU instead of 98-101 s. Nothing of a test's own is shared: its trees, its assembly's
    /// symbols and every binding are the new compilation's. Any other set of references gets a compilation of its own.
    /// </summary>
    private static readonly Framework[] s_frameworks =
    {
        new(Net80.References.All),
        new(Basic.Reference.Assemblies.NetStandard20.References.All),
    };

    private sealed class Framework
    {
        public Framework(IEnumerable<MetadataReference> references)
        {
            References = references.ToArray();
            Empty = Enum.GetValues<NullableContextOptions>().OrderBy(option => (int)option)
                .Select(option => CSharpCompilation.Create("UserAssembly", null, References, Options(option)))
                .ToArray();
        }

        public MetadataReference[] References { get; }

        /// <summary>By <see cref="NullableContextOptions"/>, whose values are 0 to 3.</summary>
        public CSharpCompilation[] Empty { get; }
    }

    /// <remarks>
    /// Not a concurrent build: the suite already runs two test classes at once on this machine's two cores, and the
    /// seeded classes a case per core, so splitting one compilation's methods over more tasks only adds their scheduling.
    /// </remarks>
    private static CSharpCompilationOptions Options(NullableContextOptions nullable) =>
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable, warningLevel: 9999, deterministic: true, concurrentBuild: false);

    private static int s_unread;

    /// <summary>
    /// The same compilation under an assembly name no reading was made for: a run on it reads every tree
    /// afresh (<c>AnnotationReading</c> builds only on earlier readings of the same name), as a new
    /// compiler process does. What a "fresh run" compares against must be this, not the same trees
    /// under the same name, which would take the very reading under test.
    /// </summary>
    public static CSharpCompilation Unread(CSharpCompilation compilation) =>
        compilation.WithAssemblyName(compilation.AssemblyName + ".Fresh" + Interlocked.Increment(ref s_unread).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The compilation with one file's text replaced, as an edit in the IDE gives: the other trees stay the same objects.</summary>
    public static CSharpCompilation ReplaceTree(CSharpCompilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(tree => tree.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, Latest, path: path));
    }

    public static GeneratorDriver CreateDriver(CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new RegisterMaskGenerator().AsSourceGenerator() },
            parseOptions: parseOptions ?? Latest,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(sources, Latest);

    public static GeneratorRun Run(IEnumerable<string> sources, CSharpParseOptions parseOptions) =>
        Run(CreateDriver(parseOptions), Compilation(sources, parseOptions));

    public static GeneratorRun Run(GeneratorDriver driver, CSharpCompilation input)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        var crashes = diagnostics.Where(diagnostic => diagnostic.Id is "CS8784" or "CS8785").ToList();
        Assert.True(crashes.Count == 0, "The generator failed: " + string.Join(Environment.NewLine, crashes));
        var result = driver.GetRunResult().Results.Single();
        Assert.True(result.Exception is null, "The generator threw: " + result.Exception);
        // Diagnostics are the analyzer's alone: one reported by the generator too would show twice.
        Assert.True(result.Diagnostics.IsEmpty, "The generator reported: " + string.Join(Environment.NewLine, result.Diagnostics));
        var sources = result.GeneratedSources.ToImmutableDictionary(source => source.HintName, source => source.SourceText.ToString());
        return new GeneratorRun(driver, input, output, sources);
    }

    /// <summary>The RM diagnostics of a run (the analyzer's), in a stable order.</summary>
    public static List<Diagnostic> RegisterMaskDiagnostics(this GeneratorRun run) => OursInOrder(run.AnalyzerDiagnostics);

    /// <summary>
    /// The RM diagnostics in the run's first <paramref name="userFiles"/> inputs alone (<c>Input0.cs</c> on),
    /// in a stable order: for cases whose later inputs are test probes without annotations, where the
    /// analyzer over the whole output would have the compiler bind every probe and generated file for nothing.
    /// </summary>
    public static List<Diagnostic> RegisterMaskDiagnosticsIn(this GeneratorRun run, int userFiles)
    {
        var paths = Enumerable.Range(0, userFiles).Select(i => $"Input{i}.cs").ToHashSet(StringComparer.Ordinal);
        return OursInOrder(AnalyzerHarness.AnalyzeFiles(run.Output, run.Output.SyntaxTrees.Where(tree => paths.Contains(tree.FilePath))));
    }

    /// <summary>The RM diagnostics among these, by file, then by position.</summary>
    private static List<Diagnostic> OursInOrder(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("RM", StringComparison.Ordinal))
            .OrderBy(diagnostic => diagnostic.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ToList();

    /// <summary>
    /// Errors the compiled output has outside the user's sources (files named <c>Input*</c>): in
    /// generated code, or nowhere at all. A mistake must show in the user's source, never as broken
    /// generated code.
    /// </summary>
    public static List<Diagnostic> ErrorsOutsideUserSource(this GeneratorRun run) =>
        run.CompilationDiagnostics
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error
                && diagnostic.Location.SourceTree?.FilePath.StartsWith("Input", StringComparison.Ordinal) != true)
            .ToList();

    /// <summary>Asserts the output compiles with no diagnostic at all (warnings are errors here).</summary>
    public static void AssertCompilesCleanly(this GeneratorRun run)
    {
        var problems = run.CompilationDiagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "The output does not compile cleanly:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    /// <summary>Emits the output and loads it into a collectible context, to call the generated code.</summary>
    /// <param name="cleanly">Also fail on warnings: one compilation pass both checks and emits.</param>
    /// <param name="dependencies">Images of assemblies the output references beyond the framework, loaded into the same context.</param>
    public static Assembly Load(this GeneratorRun run, bool cleanly = false, params byte[][] dependencies)
    {
        using var stream = new MemoryStream();
        var emitted = run.Output.Emit(stream);
        Assert.True(emitted.Success, "Emit failed: " + string.Join(Environment.NewLine, emitted.Diagnostics));
        var warnings = emitted.Diagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(!cleanly || warnings.Count == 0, "The output does not compile cleanly:" + Environment.NewLine + string.Join(Environment.NewLine, warnings));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid(), isCollectible: true);
        var loaded = dependencies.Select(image => context.LoadFromStream(new MemoryStream(image))).ToList();
        context.Resolving += (_, name) => loaded.FirstOrDefault(assembly => AssemblyName.ReferenceMatchesDefinition(name, assembly.GetName()));
        return context.LoadFromStream(stream);
    }

    /// <summary>Calls a public static method of the loaded user assembly.</summary>
    public static object? Invoke(this Assembly assembly, string typeName, string method, params object[] arguments) =>
        assembly.GetType(typeName, throwOnError: true)!.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);
}
