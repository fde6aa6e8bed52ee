using System.Collections.Concurrent;
using RegisterMasks.Tests.Infrastructure;
using RegisterMasks.Tests.Modelling;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// Every kind of mistake in <see cref="Defect.All"/>, put into random valid cases (810 in all, shared
/// equally among the kinds, 30 each): the generator does not throw, reports the mistake's RM ID on the very line that holds it, reports
/// nothing outside the user's source, and never leaves an error in generated code. Each case is
/// named by its seed and defect; REGISTERMASKS_DEFECT_SEED replays one.
/// </summary>
[Trait(TestKind.Category, TestKind.Corpus)]
public class InvalidAnnotationCorpusTests
{
    /// <summary>Shared equally among the kinds of <see cref="Defect.All"/>: a new kind takes its cases from the others.</summary>
    private const int Cases = 810;
    private const int FirstSeed = 4_000_000;

    private static readonly SeededCases s_cases = new("REGISTERMASKS_DEFECT");

    [Fact]
    public void Every_invalid_annotation_gets_its_diagnostic_on_the_line_to_fix()
    {
        var seeds = s_cases.Seeds(FirstSeed, Cases);
        var perDefect = Cases / Defect.All.Length;
        var applied = new ConcurrentDictionary<string, int>();
        s_cases.Run(seeds, seed =>
        {
            var (defect, source) = Inject(seed);
            applied.AddOrUpdate(defect.Name, 1, (_, count) => count + 1);
            return ($"{defect}\n{source}", () => Check(defect, source));
        });

        // Each defect must have been tried as often as the others, or the corpus proves little about it.
        Assert.All(Defect.All, defect => Assert.True(seeds.Length == 1 || applied.GetValueOrDefault(defect.Name) >= perDefect / 2,
            $"'{defect}' applied to {applied.GetValueOrDefault(defect.Name)} cases only"));
    }

    /// <summary>
    /// The seed's defect, in the seed's case or, when that case has nothing to hang it on, in the
    /// next case drawn for it: every defect is tried equally often, however many there are.
    /// </summary>
    private static (Defect Defect, string Source) Inject(int seed)
    {
        var defect = Defect.All[seed % Defect.All.Length];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var caseSeed = seed + attempt * 100_000_000;
            var model = ModelCaseGenerator.Draw(caseSeed);
            var source = ModelSource.Render(model)[0];
            if (defect.Apply(model, new Random(caseSeed), source) is { } mutated && mutated.Contains(Defect.Marker, StringComparison.Ordinal))
            {
                return (defect, mutated);
            }
        }
        throw new InvalidOperationException($"'{defect}' applies to none of the 100 cases drawn from seed {seed}");
    }

    private static void Check(Defect defect, string source)
    {
        var run = GeneratorHarness.Run(source);
        var reported = run.RegisterMaskDiagnostics();
        var line = Defect.MarkedLine(source);
        Assert.True(reported.Any(diagnostic => defect.Ids.Contains(diagnostic.Id) && diagnostic.Location.GetLineSpan() is { Path: "Input0.cs" } span && span.StartLinePosition.Line == line),
            $"expected {string.Join(" or ", defect.Ids)} on line {line + 1}, got:\n{string.Join("\n", reported)}");
        Assert.All(reported, diagnostic => Assert.Equal("Input0.cs", diagnostic.Location.GetLineSpan().Path));
        var inGenerated = run.ErrorsOutsideUserSource();
        Assert.True(inGenerated.Count == 0, "errors in generated code:\n" + string.Join("\n", inGenerated.Take(5)));
    }
}
