using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>One benchmark scenario, repeated for a given time: something for a sampling profiler to look at.</summary>
internal static class ProfileLoop
{
    /// <summary>A whole build's generator and compiler: a new driver, then the compiler's diagnostics of its output.</summary>
    private static object Build(CSharpCompilation compilation)
    {
        GeneratorBenchmarks.NewDriver().RunGeneratorsAndUpdateCompilation(compilation.Clone(), out var output, out _);
        return output.GetDiagnostics();
    }

    public static void Run(string input, string scenario, double seconds)
    {
        var (compilation, primed) = GeneratorInputs.Primed(input);
        CSharpCompilation edited = scenario switch
        {
            "warm" => GeneratorInputs.WithEveryAnnotatedFileEdited(compilation),
            "rescan" => GeneratorInputs.WithGlobalUsing(compilation),
            "method" => GeneratorInputs.WithNewMethod(compilation),
            "cold" => compilation,
            "build" => compilation,
            "body" => GeneratorInputs.WithEdit(compilation, GeneratorInputs.UnrelatedPath, text => text.Replace("value * 2", "value * 3")),
            "compiler" => compilation,
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "warm, rescan, method, body, cold, build or compiler"),
        };
        var runs = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            _ = scenario switch
            {
                "cold" => (object)GeneratorBenchmarks.NewDriver().RunGenerators(edited.Clone()),
                "build" => Build(edited),
                "compiler" => edited.Clone().GetDiagnostics(),
                _ => primed.RunGenerators(edited.Clone()),
            };
            runs++;
        }
        Console.WriteLine($"{input} {scenario}: {runs} runs in {clock.Elapsed.TotalSeconds:F1} s, {clock.Elapsed.TotalMilliseconds / runs:F1} ms each");
    }
}
