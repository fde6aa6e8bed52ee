using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegisterMasks.Generator;
using Xunit;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>Runs <see cref="RegisterMaskAnalyzer"/> over a compilation as the compiler does, failing on any analyzer exception.</summary>
internal static class AnalyzerHarness
{
    private static int s_unread;

    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, AnalyzerOptions? options = null, CancellationToken cancellationToken = default) =>
        Analyze(compilation, new RegisterMaskAnalyzer(), options, cancellationToken);

    /// <summary>
    /// What the analyzer reports reading the compilation itself: the same code in new tree objects,
    /// which no generator run has read, so no reading is built on (<c>AnnotationReading</c>).
    /// Diagnostics are in those new trees, at the same paths and spans.
    /// </summary>
    public static ImmutableArray<Diagnostic> AnalyzeUnshared(Compilation compilation) => Analyze(Reparsed(compilation));

    /// <summary>
    /// The same code in new tree objects, at the same paths, under an assembly name no reading was made for:
    /// a compilation no generator run or earlier analysis has read (<c>AnnotationReading</c> finds nothing to build on).
    /// </summary>
    public static Compilation Reparsed(Compilation compilation) =>
        compilation.WithAssemblyName(compilation.AssemblyName + ".Unread" + System.Threading.Interlocked.Increment(ref s_unread)).RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(tree =>
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(tree.GetText(), (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)tree.Options, tree.FilePath)));

    /// <summary>
    /// The diagnostics of the analyzers over code (RM0021-RM0029): the usage analyzer's (code that uses a
    /// generated mask) and the switch coverage analyzer's (<c>[CoversRegisterSet]</c>).
    /// </summary>
    public static ImmutableArray<Diagnostic> AnalyzeUsage(Compilation compilation) =>
        Run(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new RegisterMasks.Generator.Usage.MaskUsageAnalyzer(), new RegisterMasks.Generator.Coverage.CoversRegisterSetAnalyzer()),
            null, analysis => analysis.GetAnalyzerDiagnosticsAsync(CancellationToken.None));

    /// <summary>The switch coverage analyzer's diagnostics alone (RM0028, RM0029).</summary>
    public static ImmutableArray<Diagnostic> AnalyzeCoverage(Compilation compilation) =>
        Analyze(compilation, new RegisterMasks.Generator.Coverage.CoversRegisterSetAnalyzer(), null, default);

    /// <summary>
    /// The analyzer's diagnostics and the compiler's, from one pass: the analyzer driver has the compiler
    /// bind everything anyway, and reports its diagnostics beside the compiler's, which then cost nothing more.
    /// </summary>
    public static (ImmutableArray<Diagnostic> Analyzer, ImmutableArray<Diagnostic> Compiler) AnalyzeWithCompiler(Compilation compilation)
    {
        var all = Run(compilation, new RegisterMaskAnalyzer(), null, analysis => analysis.GetAllDiagnosticsAsync());
        var ours = new RegisterMaskAnalyzer().SupportedDiagnostics.Select(descriptor => descriptor.Id).ToHashSet(StringComparer.Ordinal);
        return (all.Where(diagnostic => ours.Contains(diagnostic.Id)).ToImmutableArray(), all.Where(diagnostic => !ours.Contains(diagnostic.Id)).ToImmutableArray());
    }

    /// <summary>
    /// What <see cref="RegisterMaskAnalyzer"/> reports in some files only, asked file by file as an editor
    /// asks for an open document: the compiler binds those files, not the whole compilation (whose
    /// generated code and test probes hold no annotation, so no diagnostic of ours).
    /// </summary>
    public static ImmutableArray<Diagnostic> AnalyzeFiles(Compilation compilation, IEnumerable<SyntaxTree> trees) =>
        Run(compilation, new RegisterMaskAnalyzer(), null, async analysis =>
        {
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
            foreach (var tree in trees)
            {
                diagnostics.AddRange(await analysis.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None));
            }
            return diagnostics.ToImmutable();
        });

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation, DiagnosticAnalyzer analyzer, AnalyzerOptions? options, CancellationToken cancellationToken) =>
        Run(compilation, analyzer, options, analysis => analysis.GetAnalyzerDiagnosticsAsync(cancellationToken));

    /// <summary>One analyzer over the compilation, as the compiler runs it; any exception it throws (AD0001) fails the test.</summary>
    private static ImmutableArray<Diagnostic> Run(Compilation compilation, DiagnosticAnalyzer analyzer, AnalyzerOptions? options,
        Func<CompilationWithAnalyzers, Task<ImmutableArray<Diagnostic>>> ask) =>
        Run(compilation, ImmutableArray.Create(analyzer), options, ask);

    private static ImmutableArray<Diagnostic> Run(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions? options,
        Func<CompilationWithAnalyzers, Task<ImmutableArray<Diagnostic>>> ask)
    {
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = ask(withAnalyzers).GetAwaiter().GetResult();
        Assert.True(exceptions.Count == 0, "The analyzer threw: " + string.Join(Environment.NewLine, exceptions));
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
        return diagnostics;
    }
}
