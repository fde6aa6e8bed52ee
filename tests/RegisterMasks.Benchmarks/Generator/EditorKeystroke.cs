using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RegisterMasks.Generator.Incremental;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>
/// Keystrokes as an IDE handles them. The editor keeps a chain: each keystroke's compilation is the last
/// one with the edited tree replaced, and the compilation with our output is the last such compilation
/// with the same tree replaced (an IDE keeps the generated trees when the generator's outputs did not
/// change, so their declarations are not computed again). On it: the primed generator driver's run, then the
/// analyzers' semantic diagnostics of the edited document alone. Against it: the compiler's own semantic
/// diagnostics of that document, and a do-nothing analyzer registered as ours are (what any analyzer of that
/// shape costs: the driver and the document's binding). Each of the three is taken on its own copy of the
/// keystroke's compilation (one binding would otherwise serve the next), from the same state, with the
/// store (<see cref="ReadingStore"/>) holding the reading made before the keystroke. The keystrokes toggle
/// (edited, then back), so every repetition is the same kind of edit on top of the last. Medians, in ms.
/// </summary>
internal static class EditorKeystroke
{
    public static readonly string[] Inputs = Environment.GetEnvironmentVariable("KS_INPUTS")?.Split(',') ?? new[] { "KvmSample", "Large", "Realistic", "AttributeHeavy64x64" };

    /// <summary>The edits: name, the file edited, and the edit (applied to the text before it, or undone).</summary>
    private static (string Name, string Path, Func<string, string> Edit)[] Edits(string input) => new (string, string, Func<string, string>)[]
    {
        ("body, plain file", GeneratorInputs.UnrelatedPath, text => text.Replace("value * 2", "value * 3")),
        ("body, annotated file", input == "KvmSample" ? "Vcpu.cs" : "Sets0.cs", input == "KvmSample"
            ? text => text.Replace("value = _readFromHardware(register);", "value = _readFromHardware(register) + 0;")
            : text => text.Replace("return value * 2;", "return value * 3;")),
        ("new method, plain file", GeneratorInputs.UnrelatedPath, text => text.Replace("    public int Sum(int[] values)", "    public int Typed(int x) => x;\n\n    public int Sum(int[] values)")),
        ("set edit", input == "KvmSample" ? "Backends.cs" : "Sets0.cs", input == "KvmSample"
            ? text => text.Replace("[RegisterSet(\"SVM_REGS_LAZY_LOAD_SET\", VcpuReg.VCPU_EXREG_PDPTR,", "[RegisterSet(\"SVM_REGS_LAZY_LOAD_SET\", VcpuReg.VCPU_EXREG_PDPTR, VcpuReg.VCPU_EXREG_CR3,")
            : text => text.Replace("[RegisterSet(\"S5\", Reg0.R35,", "[RegisterSet(\"S5\", Reg0.R35, Reg0.R63,")),
    };

    /// <summary>What the editor holds between keystrokes.</summary>
    private sealed record State(CSharpCompilation Input, Compilation Output, GeneratorDriver Driver, AnnotationReading Reading);

    public static void Print(int repetitions)
    {
        Console.WriteLine($"Editor keystroke (chained, as an IDE), medians of {repetitions.ToString(CultureInfo.InvariantCulture)} (ms); ratio = (generator + our analyzers - no-op analyzer) / compiler's document diagnostics");
        Console.WriteLine();
        Console.WriteLine("| input | keystroke | generator | our analyzers | no-op analyzer | compiler, that document | ratio |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var input in Inputs)
        {
            var (primed, primedDriver) = GeneratorInputs.Primed(input);
            foreach (var (name, path, edit) in Edits(input).Where(edit => Environment.GetEnvironmentVariable("KS_EDITS") is not { Length: > 0 } only || edit.Name.StartsWith(only, StringComparison.Ordinal)))
            {
                var original = primed.SyntaxTrees.Single(tree => tree.FilePath == path).ToString();
                var edited = edit(original);
                if (edited == original)
                {
                    throw new InvalidOperationException($"The edit '{name}' changes nothing in {path} of {input}.");
                }
                primedDriver.RunGeneratorsAndUpdateCompilation(primed, out var primedOutput, out _);
                var state = new State(primed, primedOutput, primedDriver, AnnotationReading.Of(primed, CancellationToken.None));
                var (generator, ours, floor, compiler) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
                // Keystrokes to warm up, not counted: enough for the code a keystroke runs to be jitted at its final
                // tier (a method is recompiled optimized after 30 calls), which three were not: the generator's run
                // then measured 0.4 ms in one process and 1.5 ms in another. A set edit runs longer: ten.
                var warmups = name == "set edit" ? 10 : 40;
                for (var i = -warmups; i < repetitions; i++)
                {
                    var text = i % 2 == 0 ? original : edited;   // toggled: the first counted keystroke edits, the next undoes
                    // KS_PROFILE=ours (or floor) runs that keystroke alone, for a profiler to see nothing else; its table is meaningless.
                    var profiled = Environment.GetEnvironmentVariable("KS_PROFILE");
                    var (g, o, next) = Keystroke(state, path, text, profiled == "floor" ? Floor() : Ours());
                    var f = profiled is null ? Keystroke(state, path, text, Floor()).Analyzers : 1;
                    var c = profiled is null ? Compiler(state, path, text) : 1;
                    state = next;
                    if (i >= 0)
                    {
                        generator.Add(g);
                        ours.Add(o);
                        floor.Add(f);
                        compiler.Add(c);
                    }
                }
                var (mg, mo, mf, mc) = (Median(generator), Median(ours), Median(floor), Median(compiler));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {input} | {name} | {mg:F2} | {mo:F2} | {mf:F2} | {mc:F2} | {(mg + mo - mf) / mc:F3} |"));
            }
        }
    }

    private static ImmutableArray<DiagnosticAnalyzer> Floor() => ImmutableArray.Create<DiagnosticAnalyzer>(new RegistrationOnlyAnalyzer());

    private static ImmutableArray<DiagnosticAnalyzer> Ours()
    {
        var all = ImmutableArray.Create<DiagnosticAnalyzer>(
            new RegisterMasks.Generator.RegisterMaskAnalyzer(),
            new RegisterMasks.Generator.Usage.MaskUsageAnalyzer(),
            new RegisterMasks.Generator.Coverage.CoversRegisterSetAnalyzer());
        return Environment.GetEnvironmentVariable("KS_ONLY") is { Length: > 0 } only ? ImmutableArray.Create(all[int.Parse(only, CultureInfo.InvariantCulture)]) : all;
    }

    /// <summary>
    /// How the edited tree is made. An editor's workspace parses an edited document incrementally (the old tree with the
    /// text change the buffer reports), so the new tree shares every unchanged node with the old one; that is the
    /// default here. <c>KS_PARSE=fresh</c> parses the new text from scratch instead, sharing nothing: the harness's
    /// way before 2026-12-05, kept to compare with.
    /// </summary>
    private static readonly bool s_freshParse = Environment.GetEnvironmentVariable("KS_PARSE") == "fresh";

    /// <summary>The one change a keystroke (or its undo) makes: the text between what the two versions share at each end.</summary>
    private static Microsoft.CodeAnalysis.Text.TextChange Typed(string before, string after)
    {
        var prefix = 0;
        while (prefix < Math.Min(before.Length, after.Length) && before[prefix] == after[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < Math.Min(before.Length, after.Length) - prefix && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
        {
            suffix++;
        }
        return new Microsoft.CodeAnalysis.Text.TextChange(
            new Microsoft.CodeAnalysis.Text.TextSpan(prefix, before.Length - suffix - prefix), after.Substring(prefix, after.Length - suffix - prefix));
    }

    /// <summary>The keystroke's compilations: the input with the tree replaced, and the generator's run on it, timed.</summary>
    private static (CSharpCompilation Input, Compilation Output, GeneratorDriver Driver, double Generator) Edit(State state, string path, string text)
    {
        ReadingStore.Publish(state.Reading);   // what the store holds before this keystroke
        var old = state.Input.SyntaxTrees.Single(tree => tree.FilePath == path);
        var tree = s_freshParse
            ? CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)old.Options, path, System.Text.Encoding.UTF8)
            : old.WithChangedText(old.GetText().WithChanges(Typed(old.GetText().ToString(), text)));
        var input = state.Input.ReplaceSyntaxTree(old, tree);
        var clock = Stopwatch.StartNew();
        var driver = state.Driver.RunGenerators(input);
        var generator = clock.Elapsed.TotalMilliseconds;
        // An IDE keeps the compilation with the generated trees when they are the same, replacing the edited tree there too;
        // the comparison of texts is outside the timed run (the IDE's own work, with checksums).
        var before = state.Driver.GetRunResult().GeneratedTrees;
        var after = driver.GetRunResult().GeneratedTrees;
        // The driver makes new tree objects each run; the IDE compares the generated documents' texts and keeps its own when they are equal.
        var same = before.Length == after.Length && before.Zip(after).All(pair => pair.First.FilePath == pair.Second.FilePath && pair.First.GetText().ContentEquals(pair.Second.GetText()));
        var output = same
            ? state.Output.ReplaceSyntaxTree(state.Output.SyntaxTrees.Single(candidate => candidate.FilePath == path), tree)
            : input.AddSyntaxTrees(after);
        return (input, output, driver, generator);
    }

    /// <summary>The generator's incremental run, then the analyzers' semantic diagnostics of the edited document.</summary>
    private static (double Generator, double Analyzers, State Next) Keystroke(State state, string path, string text, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var (input, output, driver, generator) = Edit(state, path, text);
        var tree = output.SyntaxTrees.Single(candidate => candidate.FilePath == path);
        var clock = Stopwatch.StartNew();
        var withAnalyzers = output.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(output.GetSemanticModel(tree), filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
        var analysis = clock.Elapsed.TotalMilliseconds;
        if (diagnostics.Any(diagnostic => diagnostic.Id == "AD0001"))
        {
            throw new InvalidOperationException("An analyzer threw: " + string.Join("\n", diagnostics.Where(diagnostic => diagnostic.Id == "AD0001")));
        }
        return (generator, analysis, new State(input, output, driver, AnnotationReading.Of(input, CancellationToken.None)));
    }

    /// <summary>The compiler's semantic diagnostics of the edited document, on the keystroke's compilation with our output.</summary>
    private static double Compiler(State state, string path, string text)
    {
        var (_, output, _, _) = Edit(state, path, text);
        var tree = output.SyntaxTrees.Single(candidate => candidate.FilePath == path);
        var clock = Stopwatch.StartNew();
        output.GetSemanticModel(tree).GetDiagnostics();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }
}
