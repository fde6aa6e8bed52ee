using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using RegisterMasks.CodeFixes;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// Code that uses a generated mask as any enum (RM0021-RM0023): where each is reported, where it
/// must not be, and its fix, one and Fix All, with a compile of the fixed code that reports none.
/// </summary>
public class UsageAnalyzerTests
{
    private const string Registers = """
        using RegisterMasks;
        namespace Vm
        {
            [RegisterFile(32)]
            public enum Reg { RAX, RCX, RDX, RBX }
        }

        """;

    private static string Use(string body, string usings = "using Vm;\n") => usings + $$"""
        public static class Uses
        {
            public static Vm.RegMask Mask = Vm.RegMask.RAX | Vm.RegMask.RCX;
        {{body}}
        }
        """;

    [Fact]
    public async Task RM0021_complement_that_keeps_unknown_bits_becomes_Complement()
    {
        var use = Use("""
                public static Vm.RegMask Free() => ~Mask;
                public static Vm.RegMask Others(Vm.RegMask live) => Mask & ~live;                 // ANDed at once: fine
                public static Vm.RegMask Kept(Vm.RegMask live) => (~live).Truncate();            // truncated at once: fine
                public static bool Asked(Vm.RegMask live) => (~live).HasUnknownBits();           // asked about at once: fine
                public static Vm.RegMask Twice(Vm.RegMask live) => ~(live | Mask);
            """);
        var found = CodeFixHarness.Diagnostics("RM0021", Registers, use);
        Assert.Equal(new[] { "~Mask", "~(live | Mask)" }, found.Select(diagnostic => diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length)));
        Assert.Equal(DiagnosticSeverity.Warning, found[0].Severity);

        var harness = new CodeFixHarness(new MaskUsageFixProvider(), "RM0021");
        var expected = use.Replace("=> ~Mask;", "=> Mask.Complement();").Replace("=> ~(live | Mask);", "=> (live | Mask).Complement();");
        Assert.Equal(expected, (await harness.FixAllAsync(FixAllScope.Document, 0, null, Registers, use))[1]);
        AssertClean(Registers, expected);
    }

    [Fact]
    public void RM0021_is_not_reported_when_every_bit_of_the_word_is_a_register()
    {
        var full = Registers.Replace("[RegisterFile(32)]", "[RegisterFile(8)]").Replace("RAX, RCX, RDX, RBX", "R0, R1, R2, R3, R4, R5, R6, R7");
        var use = "using Vm;\npublic static class Uses { public static RegMask Flip(RegMask mask) => ~mask; public static int Plain(int x) => ~x; }\n";
        Assert.Empty(CodeFixHarness.Diagnostics("RM0021", full, use));
    }

    [Fact]
    public async Task RM0022_HasFlag_becomes_Contains_or_IsSupersetOf()
    {
        var use = Use("""
                public static bool One(Vm.Reg r) => Mask.HasFlag(r.ToMask());
                public static bool Set() => Mask.HasFlag(Vm.RegMask.RAX | Vm.RegMask.RDX);
                public static bool NotOurs(System.AttributeTargets t) => t.HasFlag(System.AttributeTargets.Class);
            """);
        var found = CodeFixHarness.Diagnostics("RM0022", Registers, use);
        Assert.Equal(2, found.Count);
        Assert.Equal(DiagnosticSeverity.Info, found[0].Severity);
        var harness = new CodeFixHarness(new MaskUsageFixProvider(), "RM0022");
        var expected = use.Replace("Mask.HasFlag(r.ToMask())", "Mask.Contains(r)").Replace("Mask.HasFlag(Vm.RegMask.RAX | Vm.RegMask.RDX)", "Mask.IsSupersetOf(Vm.RegMask.RAX | Vm.RegMask.RDX)");
        Assert.Equal(expected, (await harness.FixAllAsync(FixAllScope.Solution, 0, null, Registers, use))[1]);
        AssertClean(Registers, expected);
    }

    [Fact]
    public async Task RM0023_ToString_becomes_ToStringFast_as_a_static_call_where_the_namespace_is_not_imported()
    {
        var use = Use("""
                public static string Text() => Mask.ToString();
                public static string Formatted() => Mask.ToString("X");       // a format: not the same call
                public static string Other() => System.DayOfWeek.Monday.ToString();
            """, usings: "");
        var found = CodeFixHarness.Diagnostics("RM0023", Registers, use);
        Assert.Single(found);
        var fixedUse = (await new CodeFixHarness(new MaskUsageFixProvider(), "RM0023").ApplyAsync(0, null, Registers, use))[1];
        Assert.True(fixedUse.Contains("Vm.RegMaskExtensions.ToStringFast(Mask);", StringComparison.Ordinal), fixedUse);  // qualified; an IDE simplifies what it can
        AssertClean(Registers, fixedUse);
    }

    [Fact]
    public async Task RM0024_Enum_TryParse_of_a_mask_becomes_the_generated_TryParse()
    {
        var use = Use("""
                public static bool Read(string text, out Vm.RegMask mask) => System.Enum.TryParse<Vm.RegMask>(text, out mask);
                public static bool Inferred(string text, out RegMask mask) => System.Enum.TryParse(text, out mask);
                public static bool IgnoringCase(string text, out RegMask mask) => System.Enum.TryParse(text, true, out mask);   // ours is case-sensitive: not the same
                public static bool NotOurs(string text, out System.DayOfWeek day) => System.Enum.TryParse(text, out day);
            """);
        var found = CodeFixHarness.Diagnostics("RM0024", Registers, use);
        Assert.Equal(2, found.Count);
        var expected = use.Replace("System.Enum.TryParse<Vm.RegMask>(text, out mask)", "RegMaskExtensions.TryParse(text, out mask)")
            .Replace("=> System.Enum.TryParse(text, out mask);", "=> RegMaskExtensions.TryParse(text, out mask);");
        Assert.Equal(expected, (await new CodeFixHarness(new MaskUsageFixProvider(), "RM0024").FixAllAsync(FixAllScope.Document, 0, null, Registers, use))[1]);
        AssertClean(Registers, expected);
    }

    [Fact]
    public async Task RM0025_a_registers_bit_written_by_hand_becomes_ToMask()
    {
        var use = Use("""
                public static Vm.RegMask Bit(Vm.Reg r) => (Vm.RegMask)(1u << (int)r);
                public static RegMask Paren(Reg r) => (RegMask)((1U) << ((int)r));
                public static uint Plain(Vm.Reg r) => 1u << (int)r;                     // no mask: nothing to say it with
                public static RegMask Two(Reg r) => (RegMask)(2u << (int)r);            // not one bit
                public static RegMask Other(System.DayOfWeek d) => (RegMask)(1u << (int)d); // not a register
            """);
        var found = CodeFixHarness.Diagnostics("RM0025", Registers, use);
        Assert.Equal(2, found.Count);
        var expected = use.Replace("(Vm.RegMask)(1u << (int)r)", "r.ToMask()").Replace("(RegMask)((1U) << ((int)r))", "r.ToMask()");
        Assert.Equal(expected, (await new CodeFixHarness(new MaskUsageFixProvider(), "RM0025").FixAllAsync(FixAllScope.Document, 0, null, Registers, use))[1]);
        AssertClean(Registers, expected);
    }

    /// <summary>No RM diagnostic of either analyzer, and a clean compile.</summary>
    private static void AssertClean(params string[] sources)
    {
        var run = GeneratorHarness.Run(sources);
        Assert.Empty(run.RegisterMaskDiagnostics());
        Assert.Empty(AnalyzerHarness.AnalyzeUsage(run.Output));
        run.AssertCompilesCleanly();
    }
}
