using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RegisterMasks.Generator.Incremental;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>
/// A keystroke as an IDE handles it: the primed generator driver runs on the edited compilation, then
/// the analyzers are asked for the semantic diagnostics of the edited document alone, on the compilation
/// with our output. Against it: the compiler's own semantic diagnostics of that document (the work the
/// IDE does for the keystroke anyway), and a do-nothing analyzer registered as ours are (what any analyzer
/// of that shape costs: the document's binding and the driver). Each repetition edits a new tree, and
/// starts from the reading made before the keystroke (<see cref="ReadingStore"/> holds it, as after the
/// previous keystroke), so no repetition takes the one before it. Medians of the repetitions, in ms.
/// </summary>
internal static class EditorKeystroke
{
    public static readonly string[] Inputs = { "KvmSample", "Large", "Realistic", "AttributeHeavy64x64" };

    /// <summary>The edits: name, the file edited, and the edit.</summary>
    private static (string Name, string Path, Func<CSharpCompilation, CSharpCompilation> Edit)[] Edits(string input) => new (string, string, Func<CSharpCompilation, CSharpCompilation>)[]
    {
        ("body, plain file", GeneratorInputs.UnrelatedPath, GeneratorInputs.WithUnrelatedEdit),
        ("body, annotated file", input == "KvmSample" ? "Vcpu.cs" : "Sets0.cs", compilation => GeneratorInputs.WithAnnotatedBodyEdit(compilation, input)),
        ("new method, plain file", GeneratorInputs.UnrelatedPath, GeneratorInputs.WithNewMethod),
        ("set edit", input == "KvmSample" ? "Backends.cs" : "Sets0.cs", compilation => GeneratorInputs.WithSetEdit(compilation, input)),
    };

    public static void Print(int repetitions)
    {
        Console.WriteLine($"Editor keystroke, medians of {repetitions.ToString(CultureInfo.InvariantCulture)} (ms); ratio = (generator + our analyzers - no-op analyzer) / compiler's document diagnostics");
        Console.WriteLine();
        Console.WriteLine("| input | keystroke | generator | our analyzers | no-op analyzer | compiler, that document | ratio |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var input in Inputs)
        {
            var (primed, driver) = GeneratorInputs.Primed(input);
            var before = AnnotationReading.Of(primed, CancellationToken.None);
            foreach (var (name, path, edit) in Edits(input))
            {
                var generator = new List<double>();
                var ours = new List<double>();
                var floor = new List<double>();
                var compiler = new List<double>();
                for (var i = -2; i < repetitions; i++)   // two repetitions to warm up, not counted
                {
                    var (g, o) = Keystroke(driver, before, edit(primed), path, Ours());
                    var (_, f) = Keystroke(driver, before, edit(primed), path, ImmutableArray.Create<DiagnosticAnalyzer>(new RegistrationOnlyAnalyzer()));
                    var c = Compiler(driver, before, edit(primed), path);
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

    private static ImmutableArray<DiagnosticAnalyzer> Ours() => ImmutableArray.Create<DiagnosticAnalyzer>(
        new RegisterMasks.Generator.RegisterMaskAnalyzer(),
        new RegisterMasks.Generator.Usage.MaskUsageAnalyzer(),
        new RegisterMasks.Generator.Coverage.CoversRegisterSetAnalyzer());

    /// <summary>The generator's incremental run, then the analyzers' semantic diagnostics of the edited document.</summary>
    private static (double Generator, double Analyzers) Keystroke(GeneratorDriver primed, AnnotationReading before, CSharpCompilation edited, string path, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        ReadingStore.Publish(before);   // what the store holds before this keystroke
        var clock = Stopwatch.StartNew();
        primed.RunGeneratorsAndUpdateCompilation(edited, out var output, out _);
        var generator = clock.Elapsed.TotalMilliseconds;
        var tree = output.SyntaxTrees.Single(candidate => candidate.FilePath == path);
        clock.Restart();
        var withAnalyzers = output.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(output.GetSemanticModel(tree), filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
        var analysis = clock.Elapsed.TotalMilliseconds;
        if (diagnostics.Any(diagnostic => diagnostic.Id == "AD0001"))
        {
            throw new InvalidOperationException("An analyzer threw: " + string.Join("\n", diagnostics.Where(diagnostic => diagnostic.Id == "AD0001")));
        }
        return (generator, analysis);
    }

    /// <summary>The compiler's semantic diagnostics of the edited document, on the compilation with our output.</summary>
    private static double Compiler(GeneratorDriver primed, AnnotationReading before, CSharpCompilation edited, string path)
    {
        ReadingStore.Publish(before);
        primed.RunGeneratorsAndUpdateCompilation(edited, out var output, out _);
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
