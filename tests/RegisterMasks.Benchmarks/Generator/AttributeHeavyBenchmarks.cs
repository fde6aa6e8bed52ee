using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>
/// Reading annotations against the compiler's own cost, on inputs that are mostly annotations
/// (<see cref="GeneratorInputs"/>' AttributeHeavy): there the compiler's <c>GetDiagnostics</c>
/// binds little besides our attributes, so a ratio near 1 means we read them as fast as it does.
/// </summary>
[MemoryDiagnoser]
public class AttributeHeavyBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _valuesChanged = null!;
    private CSharpCompilation _globalUsing = null!;
    private CSharpCompilation _newMethod = null!;
    private GeneratorDriver _primed = null!;
    private CSharpCompilation _withAttributes = null!;

    [Params("AttributeHeavy16x64", "AttributeHeavy64x64")]
    public string Input { get; set; } = "AttributeHeavy16x64";

    [GlobalSetup]
    public void Setup()
    {
        (_compilation, _primed) = GeneratorInputs.Primed(Input);
        _valuesChanged = GeneratorInputs.WithEveryAnnotatedFileEdited(_compilation);
        _globalUsing = GeneratorInputs.WithGlobalUsing(_compilation);
        _newMethod = GeneratorInputs.WithNewMethod(_compilation);
        _withAttributes = GeneratorInputs.WithAttributesAsSource(_compilation, _primed);
    }

    /// <summary>
    /// The compiler binding and checking everything on a fresh compilation, our attributes included:
    /// with their definitions as source, as the generator's first output adds them to every build.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int CompilerGetDiagnostics() => _withAttributes.Clone().GetDiagnostics().Length;

    /// <summary>The same without our attributes' definitions: the compiler reports each attribute unknown and binds none of its arguments.</summary>
    [Benchmark]
    public int CompilerGetDiagnosticsWithoutDefinitions() => _compilation.Clone().GetDiagnostics().Length;

    /// <summary>Every annotated file edited at its top: every annotation read again, every model differs, resolution runs; nothing is rendered.</summary>
    [Benchmark]
    public GeneratorDriver WarmRunValuesChanged() => _primed.RunGenerators(_valuesChanged.Clone());

    /// <summary>A global using added in a plain file: every annotation read again, the models compare equal, nothing after the scan runs.</summary>
    [Benchmark]
    public GeneratorDriver RescanModelsEqual() => _primed.RunGenerators(_globalUsing.Clone());

    /// <summary>A new method typed in a plain file: a top-level edit that no annotation can see.</summary>
    [Benchmark]
    public GeneratorDriver NewMethodKeystroke() => _primed.RunGenerators(_newMethod.Clone());

    /// <summary>A build without our analyzers: the generator on a new driver, then the compiler on its output.</summary>
    [Benchmark]
    public int BuildGeneratorAndCompiler()
    {
        GeneratorBenchmarks.NewDriver().RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out var output, out _);
        return output.GetDiagnostics().Length;
    }

    /// <summary>A whole build: the same with both our analyzers, which take the reading the generator made (<c>AnnotationReading</c>).</summary>
    [Benchmark]
    public int BuildWithAnalyzers() => Build(shared: true);

    /// <summary>The same build with the analyzers reading for themselves (a compilation under another name, which no reading was made for), as before they shared.</summary>
    [Benchmark]
    public int BuildWithAnalyzersReadingAgain() => Build(shared: false);

    private static int s_builds;

    /// <summary>Each build under a name of its own, as a new compiler process knows no earlier reading.</summary>
    private int Build(bool shared)
    {
        var name = "Build" + System.Threading.Interlocked.Increment(ref s_builds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        GeneratorBenchmarks.NewDriver().RunGeneratorsAndUpdateCompilation(_compilation.WithAssemblyName(name), out var output, out _);
        var analyzers = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(
            new RegisterMasks.Generator.RegisterMaskAnalyzer(), new RegisterMasks.Generator.Usage.MaskUsageAnalyzer());
        var analyzed = shared ? output : output.WithAssemblyName(name + ".Unshared");
        return analyzed.WithAnalyzers(analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
    }
}
