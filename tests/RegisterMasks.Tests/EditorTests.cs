using RegisterMasks.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace RegisterMasks.Tests;

/// <summary>
/// RegisterMasks in a real editor: csharp-ls (a Roslyn language server several editors use) on a copy
/// of the sample, driven over LSP as an editor does. RM diagnostics come from the analyzer, so the
/// server shows them live, on unsaved text, and honours #pragma; generated members complete.
/// Each test puts back what it edited.
/// </summary>
[Collection(nameof(EditorTests))]
[Trait(TestKind.Category, TestKind.Editor)]
public class EditorTests : IClassFixture<EditorSession>
{
    private const string RegisterFile = "sample/VcpuReg.cs";
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(30);
    private readonly EditorSession _editor;
    private readonly ITestOutputHelper _output;

    public EditorTests(EditorSession editor, ITestOutputHelper output)
    {
        _editor = editor;
        _output = output;
    }

    [Fact]
    public void Completion_after_the_mask_offers_its_registers()
    {
        _output.WriteLine($"solution loaded and generated in {_editor.LoadTime.TotalSeconds:F1} s");
        Assert.Contains("VCPU_REGS_RAX", _editor.ProbeCompletion);
        Assert.Contains("VCPU_EXREG_EXIT_INFO_2", _editor.ProbeCompletion);
        Assert.Contains("All", _editor.ProbeCompletion);
        Assert.DoesNotContain("NR_VCPU_REGS", _editor.ProbeCompletion); // a sentinel gets no bit
    }

    [Fact]
    public async Task RM0001_shows_on_the_member_typed_past_the_width_and_goes_with_the_revert()
    {
        var original = File.ReadAllText(_editor.PathOf(RegisterFile));
        var edited = original.Replace("VCPU_REGS_RAX = 0,", "VCPU_REGS_RAX = 40,");
        Assert.NotEqual(original, edited);
        var line = LineOf(original, "VCPU_REGS_RAX = 0,");
        await _editor.OpenAsync(RegisterFile);
        try
        {
            await _editor.ChangeAsync(RegisterFile, edited);
            var shown = await _editor.WaitForDiagnosticsAsync(RegisterFile, found => found.Any(d => d.Code == "RM0001"), Live);
            _output.WriteLine($"RM0001 shown {shown.Took.TotalSeconds:F1} s after the edit");
            Assert.True(shown.Met, $"No RM0001 within {Live.TotalSeconds} s; diagnostics: {Describe(shown.Last)}\n{_editor.Transcript}");
            var rm0001 = Assert.Single(shown.Last, d => d.Code == "RM0001");
            Assert.Equal((line, 4), (rm0001.Line, rm0001.Character));
            Assert.Contains("'VCPU_REGS_RAX' has index 40", rm0001.Message);
        }
        finally
        {
            await _editor.ChangeAsync(RegisterFile, original);
        }
        var gone = await _editor.WaitForDiagnosticsAsync(RegisterFile, found => found.All(d => !d.Code.StartsWith("RM", StringComparison.Ordinal)), Live);
        _output.WriteLine($"RM0001 gone {gone.Took.TotalSeconds:F1} s after the revert");
        Assert.True(gone.Met, "RM diagnostics left after the revert: " + Describe(gone.Last));
    }

    [Fact]
    public async Task A_pragma_silences_RM0004_on_a_deliberate_alias()
    {
        var original = File.ReadAllText(_editor.PathOf(RegisterFile));
        var alias = "    VCPU_EXREG_ERAPS = VCPU_EXREG_CR3,\n";
        var withAlias = original.Replace("    VCPU_EXREG_EXIT_INFO_2,\n", "    VCPU_EXREG_EXIT_INFO_2,\n" + alias);
        var withPragma = original.Replace("    VCPU_EXREG_EXIT_INFO_2,\n",
            "    VCPU_EXREG_EXIT_INFO_2,\n#pragma warning disable RM0004 // ERAPS shares CR3's bit on purpose\n" + alias + "#pragma warning restore RM0004\n");
        Assert.NotEqual(original, withAlias);
        await _editor.OpenAsync(RegisterFile);
        try
        {
            // Without the pragma the alias is reported: the analysis runs on this text...
            await _editor.ChangeAsync(RegisterFile, withAlias);
            var reported = await _editor.WaitForDiagnosticsAsync(RegisterFile, found => found.Any(d => d.Code == "RM0004"), Live);
            Assert.True(reported.Met, "No RM0004 for an alias: " + Describe(reported.Last));

            // ...and with it, it is not.
            await _editor.ChangeAsync(RegisterFile, withPragma);
            var silenced = await _editor.WaitForDiagnosticsAsync(RegisterFile, found => found.All(d => d.Code != "RM0004"), Live);
            Assert.True(silenced.Met, "RM0004 still shown under #pragma warning disable: " + Describe(silenced.Last));
        }
        finally
        {
            await _editor.ChangeAsync(RegisterFile, original);
        }
    }

    private static int LineOf(string text, string fragment) =>
        text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(character => character == '\n');

    private static string Describe(List<(string Code, int Line, int Character, string Message)> diagnostics) =>
        diagnostics.Count == 0 ? "(none)" : string.Join("; ", diagnostics.Select(d => $"{d.Code} {d.Line}:{d.Character} {d.Message}"));
}
