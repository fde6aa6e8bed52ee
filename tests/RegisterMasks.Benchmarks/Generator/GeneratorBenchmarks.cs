using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using RegisterMasks.Generator;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>
/// What the generator costs at a build and at a keystroke, beside what the compiler itself costs
/// on the same sources (<c>GetDiagnostics</c>, the baseline). Each operation runs on a fresh clone
/// of its compilation, so nothing the compiler bound for one operation serves the next.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _declarationsEdited = null!;
    private CSharpCompilation _unrelatedEdit = null!;
    private CSharpCompilation _setEdit = null!;
    private CSharpCompilation _annotatedBodyEdit = null!;
    private CSharpCompilation _newMethod = null!;
    private Compilation _output = null!;
    private CSharpCompilation _floorUnrelatedEdit = null!;
    private GeneratorDriver _primed = null!;
    private GeneratorDriver _floorPrimed = null!;

    /// <summary>The sample; 32 register files and 500 plain files; the same with common type attributes on a third of those.</summary>
    [Params("KvmSample", "Large", "Realistic")]
    public string Input { get; set; } = "KvmSample";

    [GlobalSetup]
    public void Setup()
    {
        // Made once per input for the whole process: every benchmark of an input starts from the same state.
        (_compilation, _primed) = GeneratorInputs.Primed(Input);
        _declarationsEdited = GeneratorInputs.WithEveryAnnotatedFileEdited(_compilation);
        _unrelatedEdit = GeneratorInputs.WithUnrelatedEdit(_compilation);
        _setEdit = GeneratorInputs.WithSetEdit(_compilation, Input);
        _annotatedBodyEdit = GeneratorInputs.WithAnnotatedBodyEdit(_compilation, Input);
        _newMethod = GeneratorInputs.WithNewMethod(_compilation);
        _primed.RunGeneratorsAndUpdateCompilation(_compilation, out _output, out _);
        // The floor generator reads our attributes, which the real generator defines: add them as source.
        var floorCompilation = GeneratorInputs.WithAttributesAsSource(_compilation, _primed);
        _floorUnrelatedEdit = GeneratorInputs.WithUnrelatedEdit(floorCompilation);
        _floorPrimed = CSharpGeneratorDriver.Create(new AttributeFloorGenerator()).RunGenerators(floorCompilation);
    }

    /// <summary>A generator that failed to load reports CS8784 and generates nothing: timing it would time nothing.</summary>
    internal static void EnsureGenerated(GeneratorDriver driver, string input)
    {
        var run = driver.GetRunResult();
        var generated = run.Results.Single();
        if (generated.Exception is not null || generated.GeneratedSources.Length < 3 || run.Diagnostics.Any(d => d.Id is "CS8784" or "CS8785"))
        {
            throw new InvalidOperationException($"The generator did not run on {input}: {generated.Exception?.Message ?? string.Join("; ", run.Diagnostics)}");
        }
    }

    /// <summary>The compiler binding every file and reporting its diagnostics: the cost the generator is weighed against.</summary>
    [Benchmark(Baseline = true)]
    public int CompilerGetDiagnostics() => _compilation.Clone().GetDiagnostics().Length;

    /// <summary>A new driver: every step runs, every file is rendered (a command-line build in a warm process).</summary>
    [Benchmark]
    public GeneratorDriver ColdRun() => NewDriver().RunGenerators(_compilation.Clone());

    /// <summary>
    /// A primed driver after every annotated file changed (a using alias added at its top): every attribute
    /// is bound and parsed again and every model differs (locations moved), so the resolver runs
    /// again; the outputs compare equal, so nothing is rendered.
    /// </summary>
    [Benchmark]
    public GeneratorDriver WarmFullRun() => _primed.RunGenerators(_declarationsEdited.Clone());

    /// <summary>A keystroke inside a method body of a file without annotations (in Realistic, one with common type attributes).</summary>
    [Benchmark]
    public GeneratorDriver IncrementalUnrelatedEdit() => _primed.RunGenerators(_unrelatedEdit.Clone());

    /// <summary>A new method typed in a file without annotations: a top-level edit that no annotation can see.</summary>
    [Benchmark]
    public GeneratorDriver IncrementalNewMethod() => _primed.RunGenerators(_newMethod.Clone());

    /// <summary>A keystroke inside a method body of a file with annotations.</summary>
    [Benchmark]
    public GeneratorDriver IncrementalAnnotatedBodyEdit() => _primed.RunGenerators(_annotatedBodyEdit.Clone());

    /// <summary>A keystroke that changes one set: everything is read again, one type and one catalog re-rendered.</summary>
    [Benchmark]
    public GeneratorDriver IncrementalSetEdit() => _primed.RunGenerators(_setEdit.Clone());

    /// <summary>
    /// The same keystroke for a generator built on <c>ForAttributeWithMetadataName</c> whose transforms
    /// only count attributes: what any generator of that usual shape pays on every keystroke.
    /// </summary>
    [Benchmark]
    public GeneratorDriver AttributeFloorUnrelatedEdit() => _floorPrimed.RunGenerators(_floorUnrelatedEdit.Clone());

    /// <summary>The compiler on the generator's output: what a build binds and checks, the analyzer's baseline.</summary>
    [Benchmark]
    public int CompilerGetDiagnosticsOfOutput() => _output.Clone().GetDiagnostics().Length;

    /// <summary>The same with <see cref="RegisterMaskAnalyzer"/> running, as a build runs it: the difference is the analyzer's cost.</summary>
    [Benchmark]
    public int CompilerAndAnalyzer() => WithAnalyzer(_output.Clone(), new RegisterMaskAnalyzer()).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    /// <summary>The same with an analyzer registered as ours is but doing nothing: the driver's share of the difference.</summary>
    [Benchmark]
    public int CompilerAndRegistrationOnlyAnalyzer() => WithAnalyzer(_output.Clone(), new RegistrationOnlyAnalyzer()).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    /// <param name="logTime">Records the analyzer's execution time, for <c>GetAnalyzerTelemetryInfoAsync</c>.</param>
    internal static CompilationWithAnalyzers WithAnalyzer(Compilation compilation, DiagnosticAnalyzer analyzer, bool logTime = false) =>
        compilation.WithAnalyzers(
            ImmutableArray.Create(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: logTime));

    /// <param name="trackSteps">Records each step's outputs and time, as the IDE does not: for diagnosis only.</param>
    internal static GeneratorDriver NewDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new RegisterMaskGenerator().AsSourceGenerator() },
            parseOptions: GeneratorInputs.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
}
