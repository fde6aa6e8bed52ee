using System.Globalization;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>Same input, byte-identical output: whatever the machine's culture, whatever the order of files.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class DeterminismTests
{
    private static string[] Inputs() =>
        RepositoryFiles.KvmSampleInputs().Concat(TestInputs.Widths.Select(TestInputs.WidthFile)).ToArray();

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("fi-FI")]
    [InlineData("ar-SA")]
    public void Output_does_not_depend_on_the_current_culture(string culture)
    {
        var expected = Render(Inputs());
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal(expected, Render(Inputs()));
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Output_does_not_depend_on_the_order_of_files()
    {
        var inputs = Inputs();
        var reversed = inputs.Reverse().ToArray();
        Assert.Equal(Render(inputs), Render(reversed));
    }

    /// <summary>Every generated file and diagnostic, keyed by hint name; paths are left out since file order renames them.</summary>
    private static string Render(string[] inputs)
    {
        var run = GeneratorHarness.Run(inputs);
        var sources = run.Sources.OrderBy(source => source.Key, StringComparer.Ordinal).Select(source => $"== {source.Key}\n{source.Value}");
        var diagnostics = run.AnalyzerDiagnostics.Select(diagnostic => diagnostic.GetMessage(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal);
        return string.Join("\n", sources.Concat(diagnostics));
    }
}
