using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>One benchmark scenario, repeated for a given time: something for a sampling profiler to look at.</summary>
internal static class ProfileLoop
{
    public static void Run(string input, string scenario, double seconds)
    {
        var (compilation, primed) = GeneratorInputs.Primed(input);
        CSharpCompilation edited = scenario switch
        {
            "warm" => GeneratorInputs.WithEveryAnnotatedFileEdited(compilation),
            "rescan" => GeneratorInputs.WithGlobalUsing(compilation),
            "method" => GeneratorInputs.WithNewMethod(compilation),
            "cold" => compilation,
            "body" => GeneratorInputs.WithEdit(compilation, GeneratorInputs.UnrelatedPath, text => text.Replace("value * 2", "value * 3")),
            "compiler" => compilation,
            _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "warm, rescan, method, cold or compiler"),
        };
        var runs = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            _ = scenario switch
            {
                "cold" => (object)GeneratorBenchmarks.NewDriver().RunGenerators(edited.Clone()),
                "compiler" => edited.Clone().GetDiagnostics(),
                _ => primed.RunGenerators(edited.Clone()),
            };
            runs++;
        }
        Console.WriteLine($"{input} {scenario}: {runs} runs in {clock.Elapsed.TotalSeconds:F1} s, {clock.Elapsed.TotalMilliseconds / runs:F1} ms each");
    }
}
