using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Generator;
using RegisterMasks.Generator.Emitting;
using RegisterMasks.Generator.Model;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>
/// Template rendering alone: set constant files of the large project (16 types of 8 sets, 17
/// registers each on average), through Scriban and through a hand-written StringBuilder emitter
/// giving the same text. Sixteen per operation, so that one operation is short beside a GC pause.
/// </summary>
[MemoryDiagnoser]
public class RenderingBenchmarks
{
    private List<SetsView> _views = null!;
    private List<SetContainerOutput> _models = null!;

    [GlobalSetup]
    public void Setup()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new RegisterMaskGenerator().AsSourceGenerator() },
            parseOptions: GeneratorInputs.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(GeneratorInputs.Create("Large"));
        _models = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.SetOutputs]
            .SelectMany(step => step.Outputs).Select(output => (SetContainerOutput)output.Value).Take(16).ToList();
        _views = _models.Select(model => SourceEmitter.SetsViewOf(model, TargetFeatures.None)).ToList();

        // The baseline only counts if it writes the very same text.
        foreach (var (model, view) in _models.Zip(_views))
        {
            if (TemplateSet.Render(TemplateSet.RegisterSets, view) != StringBuilderSetsEmitter.Render(view))
            {
                throw new InvalidOperationException($"The StringBuilder emitter differs from the template for {model.FileHintName}");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public int StringBuilder()
    {
        var length = 0;
        foreach (var view in _views)
        {
            length += StringBuilderSetsEmitter.Render(view).Length;
        }
        return length;
    }

    [Benchmark]
    public int Scriban()
    {
        var length = 0;
        foreach (var view in _views)
        {
            length += TemplateSet.Render(TemplateSet.RegisterSets, view).Length;
        }
        return length;
    }

    /// <summary>From the model, as the generator does: the view is built, then rendered.</summary>
    [Benchmark]
    public int ScribanFromModel()
    {
        var length = 0;
        foreach (var model in _models)
        {
            length += SourceEmitter.SetsFragment(model, TargetFeatures.None).Length;
        }
        return length;
    }
}
