using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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

    [Params("AttributeHeavy16x64", "AttributeHeavy64x64")]
    public string Input { get; set; } = "AttributeHeavy16x64";

    [GlobalSetup]
    public void Setup()
    {
        (_compilation, _primed) = GeneratorInputs.Primed(Input);
        _valuesChanged = GeneratorInputs.WithEveryAnnotatedFileEdited(_compilation);
        _globalUsing = GeneratorInputs.WithGlobalUsing(_compilation);
        _newMethod = GeneratorInputs.WithNewMethod(_compilation);
    }

    /// <summary>The compiler binding and checking everything, our attributes included, on a fresh compilation.</summary>
    [Benchmark(Baseline = true)]
    public int CompilerGetDiagnostics() => _compilation.Clone().GetDiagnostics().Length;

    /// <summary>Every annotated file edited at its top: every annotation read again, every model differs, resolution runs; nothing is rendered.</summary>
    [Benchmark]
    public GeneratorDriver WarmRunValuesChanged() => _primed.RunGenerators(_valuesChanged.Clone());

    /// <summary>A global using added in a plain file: every annotation read again, the models compare equal, nothing after the scan runs.</summary>
    [Benchmark]
    public GeneratorDriver RescanModelsEqual() => _primed.RunGenerators(_globalUsing.Clone());

    /// <summary>A new method typed in a plain file: a top-level edit that no annotation can see.</summary>
    [Benchmark]
    public GeneratorDriver NewMethodKeystroke() => _primed.RunGenerators(_newMethod.Clone());
}
