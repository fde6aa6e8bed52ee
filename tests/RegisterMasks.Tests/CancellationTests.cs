using Microsoft.CodeAnalysis;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// A run cancelled wherever it happens to be stops with <see cref="OperationCanceledException"/>, never
/// with a generator failure, and leaves the driver able to produce exactly what a fresh run produces.
/// Where the cancellation lands varies from run to run; what must hold does not.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class CancellationTests
{
    [Fact]
    public void Cancelled_runs_throw_OperationCanceledException_and_leave_later_runs_correct()
    {
        var inputs = RepositoryFiles.KvmSampleInputs().Concat(TestInputs.Widths.Select(TestInputs.WidthFile)).Append(TestInputs.WidthFile(1024)).ToArray();
        var compilation = GeneratorHarness.Compilation(inputs);
        var expected = Sources(GeneratorHarness.CreateDriver().RunGenerators(compilation));
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var cancelled = 0;

        for (var attempt = 0; attempt < 40; attempt++)
        {
            // A name no reading was made for: each run reads everything, as the first run of a build does.
            var unread = GeneratorHarness.Unread(compilation);
            var driver = GeneratorHarness.CreateDriver();
            using var source = new CancellationTokenSource();
            if (attempt == 0)
            {
                source.Cancel(); // before the run starts: at least one cancellation is certain
            }
            else
            {
                source.CancelAfter(TimeSpan.FromTicks(random.Next(0, 200_000))); // 0 to 20 ms into the run
            }
            try
            {
                driver = driver.RunGenerators(unread, source.Token);
            }
            catch (OperationCanceledException)
            {
                cancelled++;
            }

            var result = driver.GetRunResult();
            Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Id is "CS8784" or "CS8785");
            var after = driver.RunGenerators(unread);
            Assert.True(expected.SequenceEqual(Sources(after)), $"seed {seed}, attempt {attempt}: the run after a cancellation differs from a fresh run");
        }
        Assert.True(cancelled > 0, $"seed {seed}: no run was cancelled, so nothing was tested");
    }

    private static List<string> Sources(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources
            .OrderBy(source => source.HintName, StringComparer.Ordinal)
            .Select(source => source.HintName + "\n" + source.SourceText)
            .ToList();
}
