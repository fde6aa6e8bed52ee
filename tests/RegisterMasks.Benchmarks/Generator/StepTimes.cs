using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Generator.Parsing;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>
/// Where an incremental run's time goes after an edit to an unrelated file: step by step (Roslyn's
/// own steps included), then each of our attribute providers alone, with its real transform and with
/// one that only counts, which is Roslyn's binding of the attributes. <c>-- --steps</c>; a diagnosis,
/// not a benchmark (GetTimingInfo means over many runs, no statistics).
/// </summary>
internal static class StepTimes
{
    public static void Print(string input, int runs)
    {
        var compilation = GeneratorInputs.Create(input);
        var edited = GeneratorInputs.WithUnrelatedEdit(compilation);
        var primed = GeneratorBenchmarks.NewDriver(trackSteps: true).RunGenerators(compilation);
        GeneratorBenchmarks.EnsureGenerated(primed, input);

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

        Console.WriteLine($"{input}, unrelated edit, mean of {runs} runs: {whole.TotalMilliseconds / runs:F2} ms in all (GetTimingInfo)");
        foreach (var (name, total) in totals.OrderByDescending(pair => pair.Value))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {total.TotalMilliseconds / runs,9:F3} ms  {name}"));
        }

        var withAttributes = GeneratorInputs.WithAttributesAsSource(compilation, primed);
        var editedWithAttributes = GeneratorInputs.WithUnrelatedEdit(withAttributes);
        foreach (var (name, generator) in new (string, IIncrementalGenerator)[]
        {
            ("files, count only", new OneProviderGenerator(KnownNames.RegisterFileAttribute, null)),
            ("files, parsed", new OneProviderGenerator(KnownNames.RegisterFileAttribute, RegisterFileParser.Parse)),
            ("sets, count only", new OneProviderGenerator(KnownNames.RegisterSetAttribute, null)),
            ("sets, parsed", new OneProviderGenerator(KnownNames.RegisterSetAttribute, RegisterSetParser.Parse)),
            ("disjoint, count only", new OneProviderGenerator(KnownNames.RegisterSetsDisjointAttribute, null)),
            ("disjoint, parsed", new OneProviderGenerator(KnownNames.RegisterSetsDisjointAttribute, SetInvariantParser.Parse)),
            ("caches, parsed", new OneProviderGenerator(KnownNames.RegisterCacheAttribute, RegisterCacheParser.Parse)),
        })
        {
            GeneratorDriver driver = CSharpGeneratorDriver.Create(generator).RunGenerators(withAttributes);
            var elapsed = TimeSpan.Zero;
            for (var run = 0; run < runs; run++)
            {
                elapsed += driver.RunGenerators(editedWithAttributes.Clone()).GetTimingInfo().ElapsedTime;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  alone: {elapsed.TotalMilliseconds / runs,9:F3} ms  {name}"));
        }
    }
}
