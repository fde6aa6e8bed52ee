using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>
/// Where a run's time goes, step by step (Roslyn's own steps included), for each kind of keystroke
/// the benchmarks time. <c>-- --steps</c>; a diagnosis, not a benchmark (GetTimingInfo means over
/// many runs, no statistics).
/// </summary>
internal static class StepTimes
{
    public static void Print(string input, int runs)
    {
        var compilation = GeneratorInputs.Create(input);
        var primed = GeneratorBenchmarks.NewDriver(trackSteps: true).RunGenerators(compilation);
        GeneratorBenchmarks.EnsureGenerated(primed, input);

        foreach (var (scenario, edited) in new (string, CSharpCompilation)[]
        {
            ("unrelated edit", GeneratorInputs.WithUnrelatedEdit(compilation)),
            ("annotated body edit", GeneratorInputs.WithAnnotatedBodyEdit(compilation, input)),
            ("new method in a plain file", GeneratorInputs.WithNewMethod(compilation)),
            ("global using in a plain file", GeneratorInputs.WithGlobalUsing(compilation)),
            ("every file parsed again", GeneratorInputs.Reparsed(compilation)),
            ("every annotated file edited", GeneratorInputs.WithEveryAnnotatedFileEdited(compilation)),
            ("one set edited", GeneratorInputs.WithSetEdit(compilation, input)),
        })
        {
            var totals = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
            var whole = TimeSpan.Zero;
            for (var run = 0; run < runs; run++)
            {
                var driver = primed.RunGenerators(edited.Clone());
                whole += driver.GetTimingInfo().ElapsedTime;
                foreach (var (name, steps) in driver.GetRunResult().Results.Single().TrackedSteps)
                {
                    totals[name] = totals.GetValueOrDefault(name) + TimeSpan.FromTicks(steps.Sum(step => step.ElapsedTime.Ticks));
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{input}, {scenario}, mean of {runs} runs: {whole.TotalMilliseconds / runs:F3} ms in all (GetTimingInfo)"));
            foreach (var (name, total) in totals.Where(pair => pair.Value > TimeSpan.Zero).OrderByDescending(pair => pair.Value))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {total.TotalMilliseconds / runs,9:F3} ms  {name}"));
            }
        }
        PrintAnalyzer(input, primed, compilation, Math.Max(3, runs / 20));
    }

    /// <summary>
    /// The analyzer's own work in a build: its scan and resolution, on the generator's output after the
    /// compiler has bound it (as in a build, where the compiler binds the attributes first).
    /// </summary>
    private static void PrintAnalyzer(string input, GeneratorDriver primed, CSharpCompilation compilation, int runs)
    {
        primed.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var total = TimeSpan.Zero;
        for (var run = 0; run < runs; run++)
        {
            var bound = output.Clone();
            bound.GetDiagnostics();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var models = RegisterMasks.Generator.Parsing.AnnotationScanner.Scan(bound, CancellationToken.None);
            RegisterMasks.Generator.Resolution.SetResolver.Resolve(models, CancellationToken.None);
            total += clock.Elapsed;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{input}, the analyzer's scan and resolution on a bound compilation, mean of {runs} runs: {total.TotalMilliseconds / runs:F3} ms"));
    }
}
