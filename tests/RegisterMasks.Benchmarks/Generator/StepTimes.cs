using System.Globalization;
using Microsoft.CodeAnalysis;

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
        var edited = GeneratorInputs.WithEdit(compilation, GeneratorInputs.UnrelatedPath, text => text.Replace("value * 2", "value * 3"));
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
        var withAttributes = compilation.AddSyntaxTrees(primed.GetRunResult().GeneratedTrees.Where(tree => tree.FilePath.Contains("Attribute")));
        var editedWithAttributes = GeneratorInputs.WithEdit(withAttributes, GeneratorInputs.UnrelatedPath, text => text.Replace("value * 2", "value * 3"));
        foreach (var (name, generator) in new (string, IIncrementalGenerator)[]
        {
            ("files, count only", new OneProviderGenerator("RegisterMasks.RegisterFileAttribute", null)),
            ("files, parsed", new OneProviderGenerator("RegisterMasks.RegisterFileAttribute", (c, t) => RegisterMasks.Generator.Parsing.RegisterFileParser.Parse(c, t))),
            ("sets, count only", new OneProviderGenerator("RegisterMasks.RegisterSetAttribute", null)),
            ("sets, parsed", new OneProviderGenerator("RegisterMasks.RegisterSetAttribute", (c, t) => RegisterMasks.Generator.Parsing.RegisterSetParser.Parse(c, t))),
            ("disjoint, count only", new OneProviderGenerator("RegisterMasks.RegisterSetsDisjointAttribute", null)),
            ("disjoint, parsed", new OneProviderGenerator("RegisterMasks.RegisterSetsDisjointAttribute", (c, t) => RegisterMasks.Generator.Parsing.SetInvariantParser.Parse(c, t))),
            ("caches, parsed", new OneProviderGenerator("RegisterMasks.RegisterCacheAttribute", (c, t) => RegisterMasks.Generator.Parsing.RegisterCacheParser.Parse(c, t))),
        })
        {
            GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(generator).RunGenerators(withAttributes);
            var elapsed = TimeSpan.Zero;
            for (var run = 0; run < runs; run++)
            {
                elapsed += driver.RunGenerators(editedWithAttributes.Clone()).GetTimingInfo().ElapsedTime;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  alone: {elapsed.TotalMilliseconds / runs,9:F3} ms  {name}"));
        }
        foreach (var (name, total) in totals.OrderByDescending(pair => pair.Value))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {total.TotalMilliseconds / runs,9:F3} ms  {name}"));
        }
    }
}
