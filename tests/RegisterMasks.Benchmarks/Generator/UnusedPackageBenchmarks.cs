using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>
/// What a project pays for referencing the package and annotating nothing: a build of
/// <c>Unannotated{N}</c> (ordinary files, hand-written masks, no attribute of ours) with and without
/// our generator and analyzers, against the compiler's own <c>GetDiagnostics</c>, and against a
/// <c>ForAttributeWithMetadataName</c> generator that finds nothing (the floor of any attribute-driven
/// generator). Goal: ours costs at most 1% of the compiler's own time.
/// </summary>
[MemoryDiagnoser]
public class UnusedPackageBenchmarks
{
    private CSharpCompilation _compilation = null!;

    [Params("Unannotated300")]
    public string Input { get; set; } = "Unannotated300";

    [GlobalSetup]
    public void Setup() => _compilation = GeneratorInputs.Create(Input);

    /// <summary>The compiler binding and checking everything: what the build costs without the package.</summary>
    [Benchmark(Baseline = true)]
    public int Compiler() => _compilation.Clone().GetDiagnostics().Length;

    /// <summary>A new driver of a ForAttributeWithMetadataName generator that finds nothing, on a fresh compilation.</summary>
    [Benchmark]
    public GeneratorDriver FloorGenerator() => NewDriver(new AttributeFloorGenerator()).RunGenerators(_compilation.Clone());

    /// <summary>Our generator on a new driver, on a fresh compilation: a build's one run.</summary>
    [Benchmark]
    public GeneratorDriver OurGenerator() => GeneratorBenchmarks.NewDriver().RunGenerators(_compilation.Clone());

    /// <summary>A whole build without analyzers: our generator, then the compiler on its output.</summary>
    [Benchmark]
    public int OurGeneratorThenCompiler()
    {
        GeneratorBenchmarks.NewDriver().RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out var output, out _);
        return output.GetDiagnostics().Length;
    }

    /// <summary>A whole build with our generator and both our analyzers.</summary>
    [Benchmark]
    public int OurGeneratorAnalyzersAndCompiler() => Build(
        new RegisterMasks.Generator.RegisterMaskAnalyzer(), new RegisterMasks.Generator.Usage.MaskUsageAnalyzer());

    /// <summary>The same build with an analyzer that does nothing, registered as ours is: the analyzer driver's own cost, which any analyzer (the SDK's included) brings.</summary>
    [Benchmark]
    public int OurGeneratorNoOpAnalyzerAndCompiler() => Build(new RegistrationOnlyAnalyzer());

    private int Build(params DiagnosticAnalyzer[] analyzers)
    {
        GeneratorBenchmarks.NewDriver().RunGeneratorsAndUpdateCompilation(_compilation.Clone(), out var output, out _);
        return output.WithAnalyzers(ImmutableArray.Create(analyzers)).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;
    }

    private static GeneratorDriver NewDriver(IIncrementalGenerator generator) =>
        CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, parseOptions: GeneratorInputs.ParseOptions);
}
