using System.Collections.Concurrent;
using System.Globalization;
using Xunit;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// Runs many cases, each built from one seed, on every core. A failure names its seed, so one
/// environment variable replays exactly that case; all failing seeds are listed, the first in full.
/// </summary>
internal sealed class SeededCases
{
    private readonly string _prefix;

    /// <param name="prefix">Names the variables: <c>{prefix}_SEED</c> replays one case,
    /// <c>{prefix}_FIRST_SEED</c> and <c>{prefix}_CASES</c> choose others to explore.</param>
    public SeededCases(string prefix) => _prefix = prefix;

    public int[] Seeds(int firstSeed, int cases) =>
        Environment.GetEnvironmentVariable(_prefix + "_SEED") is { Length: > 0 }
            ? new[] { Setting("_SEED", 0) }
            : Enumerable.Range(Setting("_FIRST_SEED", firstSeed), Setting("_CASES", cases)).ToArray();

    /// <param name="build">From a seed, a description of its case for the report and the check, which throws when the case is wrong.</param>
    public void Run(int[] seeds, Func<int, (string Case, Action Check)> build)
    {
        var failures = new ConcurrentDictionary<int, string>();
        // One case per core at most: unbounded, Parallel.ForEach would take every thread the pool has
        // (ThreadPoolSetup raises its minimum) and run dozens of compilations at once on two cores.
        Parallel.ForEach(seeds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, seed =>
        {
            var (description, check) = build(seed);
            try
            {
                check();
            }
            catch (Exception exception)
            {
                failures[seed] = $"{exception.Message}\n--- case ---\n{description}";
            }
        });

        var failed = failures.Keys.Order().ToList();
        Assert.True(failed.Count == 0,
            $"{failed.Count} of {seeds.Length} cases failed; replay one with {_prefix}_SEED. Seeds: {string.Join(", ", failed.Take(20))}\n" +
            $"First, seed {failed.FirstOrDefault()}:\n{(failed.Count > 0 ? failures[failed[0]] : "")}");
    }

    private int Setting(string suffix, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(_prefix + suffix), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
