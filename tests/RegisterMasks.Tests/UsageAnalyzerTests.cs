using System.Globalization;
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
[Trait(TestKind.Category, TestKind.Unit)]
public class UsageAnalyzerTests
{
    private const string Registers = """
        using RegisterMasking;
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
    public async Task RM0025_a_registers_bit_written_by_hand_becomes_ToMask_or_the_masks_member()
    {
        var use = Use("""
                public static Vm.RegMask Bit(Vm.Reg r) => (Vm.RegMask)(1u << (int)r);
                public static RegMask Paren(Reg r) => (RegMask)((1U) << ((int)r));
                public static RegMask Constant() => (RegMask)(1u << (int)Reg.RDX);      // a constant register: the member, itself a constant
                public static uint Plain(Vm.Reg r) => 1u << (int)r;                     // a number: stays one
                public static RegMask Two(Reg r) => (RegMask)(2u << (int)r);            // not one bit
                public static RegMask Other(System.DayOfWeek d) => (RegMask)(1u << (int)d); // not a register
                public static ulong Index(int i) => 1UL << i;                           // not a register
            """);
        var found = CodeFixHarness.Diagnostics("RM0025", Registers, use);
        Assert.Equal(4, found.Count);
        Assert.Equal("'(Vm.RegMask)(1u << (int)r)' writes bits of registers of 'RegMask' by hand; 'r.ToMask()' says the same, and the generator checks that every register fits the mask", found[0].GetMessage(CultureInfo.InvariantCulture));
        var expected = use.Replace("(Vm.RegMask)(1u << (int)r)", "r.ToMask()").Replace("(RegMask)((1U) << ((int)r))", "r.ToMask()")
            .Replace("(RegMask)(1u << (int)Reg.RDX)", "RegMask.RDX").Replace("=> 1u << (int)r;", "=> (uint)r.ToMask();");
        Assert.Equal(expected, (await new CodeFixHarness(new SuggestedExpressionFixProvider(), "RM0025").FixAllAsync(FixAllScope.Document, 0, null, Registers, use))[1]);
        AssertClean(Registers, expected);
    }

    private const string Backend = """
        namespace Vm
        {
            [RegisterMasking.RegisterSet("LOW_PAIR", Reg.RAX, Reg.RCX)]
            [RegisterMasking.RegisterSet("SAME_PAIR", Reg.RCX, Reg.RAX)]
            public static partial class Backend { }
        }

        """;

    [Fact]
    public async Task RM0025_a_union_of_bits_becomes_the_declared_set_that_equals_it_or_the_union_of_members()
    {
        var use = Use("""
                public static RegMask Pair() => (RegMask)(1u << (int)Reg.RAX | 1u << (int)Reg.RCX);
                public static RegMask Three(Reg r) => (RegMask)(1u << (int)Reg.RAX | (1u << (int)r) | 1u << (int)Reg.RDX);
                public static RegMask Masked(Reg r) => (RegMask)(1u << (int)Reg.RAX | 1u << (int)Reg.RDX) & Mask;
                public const ulong Bits = 1UL << (int)Reg.RDX | 1u << (int)Reg.RBX;
                public static ulong Mixed(ulong other) => other | 1UL << (int)Reg.RBX | 1UL << (int)Reg.RDX;
                public static int Wraps() => 1 << (int)Reg.RBX | 1 << (int)Reg.RAX;
            """);
        var found = CodeFixHarness.Diagnostics("RM0025", Registers, Backend, use);
        // One per union, at the cast around it where there is one; "other | a | b" is (other | a) | b: two bits alone.
        Assert.Equal(new[] { "(RegMask)(1u << (int)Reg.RAX | 1u << (int)Reg.RCX)", "(RegMask)(1u << (int)Reg.RAX | (1u << (int)r) | 1u << (int)Reg.RDX)",
            "(RegMask)(1u << (int)Reg.RAX | 1u << (int)Reg.RDX)", "1UL << (int)Reg.RDX | 1u << (int)Reg.RBX", "1UL << (int)Reg.RBX", "1UL << (int)Reg.RDX", "1 << (int)Reg.RBX | 1 << (int)Reg.RAX" },
            found.Select(Text));
        var harness = new CodeFixHarness(new SuggestedExpressionFixProvider(), "RM0025");
        Assert.Equal(new[] { "Use Backend.LOW_PAIR", "Use Backend.SAME_PAIR", "Use RegMask.RAX | RegMask.RCX" }, await harness.TitlesAsync(0, Registers, Backend, use));

        var expected = use.Replace("(RegMask)(1u << (int)Reg.RAX | 1u << (int)Reg.RCX)", "Backend.LOW_PAIR")
            .Replace("(RegMask)(1u << (int)Reg.RAX | (1u << (int)r) | 1u << (int)Reg.RDX)", "RegMask.RAX | r.ToMask() | RegMask.RDX")
            .Replace("(RegMask)(1u << (int)Reg.RAX | 1u << (int)Reg.RDX) & Mask", "(RegMask.RAX | RegMask.RDX) & Mask")
            .Replace("1UL << (int)Reg.RDX | 1u << (int)Reg.RBX;", "(ulong)(RegMask.RDX | RegMask.RBX);")
            .Replace("other | 1UL << (int)Reg.RBX | 1UL << (int)Reg.RDX", "other | (ulong)RegMask.RBX | (ulong)RegMask.RDX")
            .Replace("1 << (int)Reg.RBX | 1 << (int)Reg.RAX", "(int)(RegMask.RBX | RegMask.RAX)");
        Assert.Equal(expected, (await harness.FixAllAsync(FixAllScope.Solution, 0, null, Registers, Backend, use))[2]);
        AssertClean(Registers, Backend, expected);
        Assert.Equal(Constants(Registers, Backend, use), Constants(Registers, Backend, expected));   // Bits is still a constant, of the same value

        var bitsEverywhere = (await harness.FixAllAsync(FixAllScope.Document, 0, "Use RegMask.RAX | RegMask.RCX", Registers, Backend, use))[2];
        Assert.Contains("Pair() => RegMask.RAX | RegMask.RCX;", bitsEverywhere, StringComparison.Ordinal);
    }

    [Fact]
    public void RM0025_is_not_reported_where_the_mask_would_change_the_value()
    {
        var wide = """
            using RegisterMasking;
            namespace Vm
            {
                [RegisterFile(64)]
                public enum Wide { R0 = 0, R31 = 31, R40 = 40, [NotARegister] Count = 41 }
            }

            """;
        var use = """
            using Vm;
            public static class Uses
            {
                public static uint Wraps() => 1u << (int)Wide.R40;              // 1u << 8: a bug of its own, not this one's to rewrite
                public static int Sign() => 1 << (int)Wide.R31;                 // int.MinValue: (int)WideMask.R31 does not compile as a constant
                public static ulong Count() => (1UL << (int)Wide.Count) - 1;    // a sentinel: no member to write it with
                public static ulong Fine() => 1UL << (int)Wide.R40;
            }
            """;
        Assert.Equal(new[] { "1UL << (int)Wide.R40" }, CodeFixHarness.Diagnostics("RM0025", wide, use).Select(Text));
    }

    [Fact]
    public async Task RM0026_a_number_cast_to_a_mask_that_is_a_declared_set_becomes_its_constant()
    {
        var use = Use("""
                public static RegMask Pair() => (RegMask)0x3;
                public static RegMask Decimal() => (Vm.RegMask)3u;
                public static RegMask NoSet() => (RegMask)0x5;          // no set has this value
                public static RegMask Computed() => (RegMask)(1 + 2);   // not a number as written
            """);
        var found = CodeFixHarness.Diagnostics("RM0026", Registers, Backend, use);
        Assert.Equal(new[] { "(RegMask)0x3", "(Vm.RegMask)3u" }, found.Select(Text));
        Assert.Equal("'(RegMask)0x3': 0x3 is the value of 'Backend.LOW_PAIR'; the set's constant names its registers and follows the set when it changes", found[0].GetMessage(CultureInfo.InvariantCulture));
        var harness = new CodeFixHarness(new SuggestedExpressionFixProvider(), "RM0026");
        Assert.Equal(new[] { "Use Backend.LOW_PAIR", "Use Backend.SAME_PAIR" }, await harness.TitlesAsync(0, Registers, Backend, use));
        var expected = use.Replace("(RegMask)0x3", "Backend.LOW_PAIR").Replace("(Vm.RegMask)3u", "Backend.LOW_PAIR");
        Assert.Equal(expected, (await harness.FixAllAsync(FixAllScope.Project, 0, null, Registers, Backend, use))[2]);
        AssertClean(Registers, Backend, expected);
    }

    [Fact]
    public async Task RM0024_Enum_Parse_of_a_mask_becomes_the_generated_Parse_with_the_same_exceptions()
    {
        var use = Use("""
                public static RegMask Read(string text) => System.Enum.Parse<RegMask>(text);
                public static RegMask IgnoringCase(string text) => System.Enum.Parse<RegMask>(text, true);   // ours is case-sensitive
                public static System.DayOfWeek NotOurs(string text) => System.Enum.Parse<System.DayOfWeek>(text);
            """);
        var found = CodeFixHarness.Diagnostics("RM0024", Registers, use);
        Assert.Equal(new[] { "System.Enum.Parse<RegMask>(text)" }, found.Select(Text));
        Assert.Contains("has its own Parse", found[0].GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var expected = use.Replace("System.Enum.Parse<RegMask>(text);", "RegMaskExtensions.Parse(text);");
        Assert.Equal(expected, (await new CodeFixHarness(new MaskUsageFixProvider(), "RM0024").ApplyAsync(0, null, Registers, use))[1]);
        AssertClean(Registers, expected);
    }

    /// <summary>
    /// A union written over several lines stays on them: each bit is replaced where it stands, the
    /// operators and comments stay where they were, and the parentheses that held one bit go. Left a
    /// number, each line casts its own bit, so that no line moves. The message quotes it on one line.
    /// </summary>
    [Fact]
    public async Task RM0025_a_union_over_several_lines_keeps_its_lines_and_loses_the_parentheses_around_each_bit()
    {
        var use = Use("""
                public static int CallerSaved()
                {
                    return (1 << (int)Reg.RAX)
                         | (1 << (int)Reg.RCX)   // scratch
                         | (1 << (int)Reg.RDX)
                         | (1 << (int)Reg.RBX);
                }
                public static RegMask Typed() => (RegMask)((1u << (int)Reg.RAX)
                                                         | (1u << (int)Reg.RBX));
            """);
        var found = CodeFixHarness.Diagnostics("RM0025", Registers, use);
        Assert.Equal(2, found.Count);
        Assert.Equal("'(1 << (int)Reg.RAX) | (1 << (int)Reg.RCX) | (1 << (int)Reg.RDX) | (1 << (int)...' writes bits of registers of 'RegMask' by hand; "
            + "'(int)RegMask.RAX | (int)RegMask.RCX | (int)RegMask.RDX | (int)RegMask.RBX' says the same, and the generator checks that every register fits the mask",
            found[0].GetMessage(CultureInfo.InvariantCulture));
        var harness = new CodeFixHarness(new SuggestedExpressionFixProvider(), "RM0025");
        Assert.Equal(new[] { "Use (int)RegMask.RAX | (int)RegMask.RCX | (int)RegMask.RDX | (int)RegMask.RBX" }, await harness.TitlesAsync(0, Registers, use));
        var expected = use
            .Replace("(1 << (int)Reg.RAX)\n", "(int)RegMask.RAX\n").Replace("| (1 << (int)Reg.RCX)   // scratch", "| (int)RegMask.RCX   // scratch")
            .Replace("| (1 << (int)Reg.RDX)\n", "| (int)RegMask.RDX\n").Replace("| (1 << (int)Reg.RBX);", "| (int)RegMask.RBX;")
            .Replace("(RegMask)((1u << (int)Reg.RAX)\n", "RegMask.RAX\n").Replace("| (1u << (int)Reg.RBX));", "| RegMask.RBX;");
        Assert.Equal(expected, (await harness.FixAllAsync(FixAllScope.Document, 0, null, Registers, use))[1]);
        AssertClean(Registers, expected);
        Assert.Equal(Values(Registers, use), Values(Registers, expected));
    }

    /// <summary>Parentheses around what the fix replaced go where C#'s precedence reads the same without them, and stay where not.</summary>
    [Theory]
    [InlineData("public static int NotRbx() => ~(1 << (int)Reg.RBX);", "~(int)RegMask.RBX")]                                   // a cast under ~
    [InlineData("public static int Whole() => (1 << (int)Reg.RAX | 1 << (int)Reg.RCX);", "=> (int)(RegMask.RAX | RegMask.RCX);")]   // the whole value
    [InlineData("public static int Sum() => 4 + (1 << (int)Reg.RBX);", "4 + (int)RegMask.RBX")]                                   // a cast binds tighter than +
    [InlineData("public static string Text() => (1 << (int)Reg.RBX).ToString();", "((int)RegMask.RBX).ToString()")]            // not than .
    [InlineData("public static RegMask And(RegMask m) => m & ((RegMask)(1u << (int)Reg.RAX | 1u << (int)Reg.RDX));", "m & (RegMask.RAX | RegMask.RDX)")] // | is looser than &
    [InlineData("public static RegMask Or(RegMask m) => ((RegMask)(1u << (int)Reg.RAX | 1u << (int)Reg.RDX)) | m;", "=> RegMask.RAX | RegMask.RDX | m;")] // the left of |
    public async Task RM0025_drops_the_parentheses_it_made_redundant(string member, string written)
    {
        var use = Use("    " + member);
        var fixedUse = (await new CodeFixHarness(new SuggestedExpressionFixProvider(), "RM0025").FixAllAsync(FixAllScope.Document, 0, null, Registers, use))[1];
        Assert.Contains(written, fixedUse, StringComparison.Ordinal);
        AssertClean(Registers, fixedUse);
        Assert.Equal(Values(Registers, use), Values(Registers, fixedUse));
    }

    /// <summary>
    /// What the usage fixes write binds to ours where it lands, beside a user type named as the mask
    /// (ambiguous by its short name), a user class named as the mask's namespace (so <c>Vm.RegMask</c>
    /// names its member), and user extensions named as ours (ambiguous as extension calls): the
    /// mask <c>global::</c>-qualified, the extension methods called as static methods.
    /// </summary>
    [Fact]
    public async Task The_usage_fixes_write_names_that_bind_to_ours_beside_user_types_and_extensions_of_those_names()
    {
        const string theirs = """
            namespace Theirs
            {
                public struct RegMask { }
                public static class TheirExtensions
                {
                    public static Vm.RegMask Complement(this Vm.RegMask mask) => mask;
                    public static Vm.RegMask ToMask(this Vm.Reg register) => default;
                }
            }

            """;
        const string use = """
            using Theirs;
            using Vm;
            namespace App
            {
                public class Vm { }
                public static class Uses
                {
                    public static global::Vm.RegMask Live = global::Vm.RegMask.RAX;
                    public static global::Vm.RegMask Bit(Reg r) => (global::Vm.RegMask)(1u << (int)r);
                    public static global::Vm.RegMask Const() => (global::Vm.RegMask)(1u << (int)Reg.RDX);
                    public static global::Vm.RegMask Free() => ~Live;
                    public static string Text() => Live.ToString();
                }
            }
            """;
        var fixedUse = (await new CodeFixHarness(new SuggestedExpressionFixProvider(), "RM0025").FixAllAsync(FixAllScope.Document, 0, null, Registers, theirs, use))[2];
        fixedUse = (await new CodeFixHarness(new MaskUsageFixProvider(), "RM0021").ApplyAsync(0, null, Registers, theirs, fixedUse))[2];
        fixedUse = (await new CodeFixHarness(new MaskUsageFixProvider(), "RM0023").ApplyAsync(0, null, Registers, theirs, fixedUse))[2];
        var expected = use.Replace("(global::Vm.RegMask)(1u << (int)r)", "RegMaskExtensions.ToMask(r)")
            .Replace("(global::Vm.RegMask)(1u << (int)Reg.RDX)", "global::Vm.RegMask.RDX")
            .Replace("~Live", "RegMaskExtensions.Complement(Live)")
            .Replace("Live.ToString()", "Live.ToStringFast()");
        Assert.Equal(expected, fixedUse);
        AssertClean(Registers, theirs, expected);
        var run = GeneratorHarness.Run(Registers, theirs, expected);
        var tree = run.Output.SyntaxTrees.Single(candidate => candidate.FilePath == "Input2.cs");
        var model = run.Output.GetSemanticModel(tree);
        var called = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>()
            .Select(call => model.GetSymbolInfo(call).Symbol!.ContainingType.ToDisplayString()).ToList();
        Assert.Equal(new[] { "Vm.RegMaskExtensions", "Vm.RegMaskExtensions", "Vm.RegMaskExtensions" }, called);
    }

    /// <summary>A set declared private is not offered where code cannot reach it.</summary>
    [Fact]
    public void RM0025_and_RM0026_offer_no_set_code_cannot_reach()
    {
        const string hidden = """
            namespace Vm
            {
                [RegisterMasking.RegisterSet("HIDDEN_PAIR", Reg.RAX, Reg.RCX, Accessibility = "private")]
                public static partial class Hidden { }
            }

            """;
        var use = Use("""
                public static RegMask Pair() => (RegMask)(1u << (int)Reg.RAX | 1u << (int)Reg.RCX);
                public static RegMask Number() => (RegMask)0x3;
            """);
        var found = CodeFixHarness.Diagnostics("RM0025", Registers, hidden, use);
        Assert.Equal("RegMask.RAX | RegMask.RCX", Assert.Single(found).Properties["RegisterMasks.Replacements"]);
        Assert.Empty(CodeFixHarness.Diagnostics("RM0026", Registers, hidden, use));
    }

    /// <summary>Two register classes over one enum whose members share values (x86's GPRs and vector registers), and one class over a whole enum.</summary>
    private const string Classes = """
        using RegisterMasking;
        namespace Jit
        {
            public enum X86Register { Invalid = -1, Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, Xmm0 = 0, Xmm1, Xmm2, Xmm3, Xmm4, Xmm5, Xmm6, Xmm7 }

            [RegisterClass(typeof(X86Register), "X86GprMask", From = X86Register.Rax, To = X86Register.Rdi)]
            public static partial class X86Gpr { }

            [RegisterClass(typeof(X86Register), "X86VecMask", From = X86Register.Xmm0, To = X86Register.Xmm7)]
            [RegisterSet("ARGS", X86Register.Xmm0, X86Register.Xmm1)]
            public static partial class X86Vec { }

            public enum Lane { A, B, C }

            [RegisterClass(typeof(Lane), "LaneMask")]
            public static partial class Lanes { }
        }

        """;

    /// <summary>
    /// RM0025 over register classes: each register is its own class's (by member: <c>Xmm6</c> is the vector
    /// class's bit 6, never <c>Rsi</c>), a union becomes that class's declared set or members, a register that
    /// is no constant its class's <c>To{Mask}()</c>; nothing where no one class holds them all, or where which
    /// class a variable register is in cannot be known.
    /// </summary>
    [Fact]
    public async Task RM0025_on_register_class_members_writes_each_members_own_class()
    {
        var use = """
            using Jit;
            public static class Uses
            {
                public static int VecArgs() => (1 << (int)X86Register.Xmm0) | (1 << (int)X86Register.Xmm1);
                public static int Vec6() => 1 << (int)X86Register.Xmm6;
                public static int Gpr() => 1 << (int)X86Register.Rsi | 1 << (int)X86Register.Rdi;
                public static X86VecMask Cast() => (X86VecMask)(1 << (int)X86Register.Xmm2);
                public static int OneLane(Lane lane) => 1 << (int)lane;
                public static int Lanes() => OneLane(Lane.C);
                public static int Any(X86Register r) => 1 << (int)r;
                public static int Both() => 1 << (int)X86Register.Rax | 1 << (int)X86Register.Xmm1;
            }
            """;
        var found = CodeFixHarness.Diagnostics("RM0025", Classes, use);
        Assert.Equal(new[] { "(1 << (int)X86Register.Xmm0) | (1 << (int)X86Register.Xmm1)", "1 << (int)X86Register.Xmm6", "1 << (int)X86Register.Rsi | 1 << (int)X86Register.Rdi",
            "(X86VecMask)(1 << (int)X86Register.Xmm2)", "1 << (int)lane" }, found.Select(Text));
        Assert.Equal("'1 << (int)X86Register.Xmm6' writes bits of registers of 'X86VecMask' by hand; '(int)X86VecMask.Xmm6' says the same, and the generator checks that every register fits the mask",
            found[1].GetMessage(CultureInfo.InvariantCulture));

        var expected = use.Replace("(1 << (int)X86Register.Xmm0) | (1 << (int)X86Register.Xmm1)", "(int)X86Vec.ARGS")
            .Replace("1 << (int)X86Register.Xmm6", "(int)X86VecMask.Xmm6")
            .Replace("1 << (int)X86Register.Rsi | 1 << (int)X86Register.Rdi", "(int)(X86GprMask.Rsi | X86GprMask.Rdi)")
            .Replace("(X86VecMask)(1 << (int)X86Register.Xmm2)", "X86VecMask.Xmm2")
            .Replace("1 << (int)lane", "(int)lane.ToLaneMask()");
        Assert.Equal(expected, (await new CodeFixHarness(new SuggestedExpressionFixProvider(), "RM0025").FixAllAsync(FixAllScope.Solution, 0, null, Classes, use))[1]);
        AssertClean(Classes, expected);
        Assert.Equal(Values(Classes, use), Values(Classes, expected));
    }

    /// <summary>
    /// A class numbers its bits from 0 in its own order: where a register's bit there is not the shift's amount
    /// (<c>V9</c> is bit 1 of a class of <c>V8..V15</c>), the class's mask would change the value, and nothing is reported.
    /// </summary>
    [Fact]
    public void RM0025_is_not_reported_where_a_registers_bit_in_its_class_is_not_the_shifts_amount()
    {
        var simd = """
            using RegisterMasking;
            namespace Arm
            {
                public enum SimdRegister { V0, V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14, V15 }

                [RegisterClass(typeof(SimdRegister), "CalleeSavedSimdMask", From = SimdRegister.V8, To = SimdRegister.V15)]
                public static partial class CalleeSavedSimd { }
            }

            """;
        var use = """
            using Arm;
            public static class Uses
            {
                public static int One() => 1 << (int)SimdRegister.V9;
                public static int Pair() => 1 << (int)SimdRegister.V8 | 1 << (int)SimdRegister.V9;
                public static CalleeSavedSimdMask Cast() => (CalleeSavedSimdMask)(1 << (int)SimdRegister.V0);
                public static int Any(SimdRegister r) => 1 << (int)r;
            }
            """;
        var run = GeneratorHarness.Run(simd, use);
        Assert.Empty(run.RegisterMaskDiagnostics());
        Assert.Empty(CodeFixHarness.Diagnostics("RM0025", simd, use));
    }

    /// <summary>
    /// The analyzer asks for an expression's operation only after a quick test of its syntax (and, for <c>~</c> and a
    /// receiver, the type already bound) says a rule may apply. Every form a rule reports must pass that test: a mask
    /// reached through parentheses, <c>checked</c>, <c>unchecked</c>, <c>!</c>, a pointer, <c>?.</c>, a member of another type, a type
    /// inferred (forms a review found the first version of the test turned away); and what the test turns away
    /// (a call without a receiver, a non-literal cast, a union with a part that is not a shift) is reported by no rule.
    /// </summary>
    [Fact]
    public void Every_form_a_rule_reports_passes_the_quick_test_before_the_operation()
    {
        var use = Use("""
                public static Vm.RegMask? Maybe = Vm.RegMask.RAX;
                public static Holder Held = new Holder();
                public static Vm.RegMask A() => ~(Held.Live);                                  // RM0021 on a member of another type
                public static Vm.RegMask B() => ~(Mask | Held.Live);                           // RM0021 on a union
                public static bool C() => (Mask).HasFlag(Vm.RegMask.RAX);                      // RM0022 through parentheses
                public static bool? D() => Maybe?.HasFlag(Vm.RegMask.RAX);                     // RM0022 after ?.
                public static string E() => Held.Live.ToString();                              // RM0023 on a member of another type
                public static string? F() => Maybe?.ToString();                                // RM0023 after ?.
                public static bool G(string text) => System.Enum.TryParse(text, out Vm.RegMask m);   // RM0024, the mask inferred
                public static uint H() => (1u << ((int)Vm.Reg.RAX)) | ((1u << (int)Vm.Reg.RDX));     // RM0025 through parentheses
                public static Vm.RegMask I() => (Vm.RegMask)(0x3);                             // RM0026 through parentheses
                public static uint J(uint x) => x | 1u << (int)Vm.Reg.RAX;                     // RM0025 at the shift alone: x is no register's bit
                public static Vm.RegMask M() => (Vm.RegMask)unchecked(0x3);                    // RM0026 through unchecked
                public static Vm.RegMask N() => (Vm.RegMask)(0x3!);                            // RM0026 through !
                public static uint O() => 1u << checked((int)Vm.Reg.RAX);                      // RM0025 through checked
                public static uint P() => unchecked(1u << (int)Vm.Reg.RAX) | unchecked(1u << (int)Vm.Reg.RDX);   // RM0025, a union of unchecked parts
                public static unsafe string Q(Vm.RegMask* p) => p->ToString();                 // RM0023 through a pointer
                public static unsafe bool R(Vm.RegMask* p) => p->HasFlag(Vm.RegMask.RAX);      // RM0022 through a pointer
                public static string? S() => Held?.Live.ToString();                            // RM0023 after ?. and .
                public static string K() => ToString2();                                       // a call without a receiver: no rule
                public static string ToString2() => Mask.GetType().Name;
                public static Vm.RegMask L() => (Vm.RegMask)(1 + 2);                            // not a literal: no rule
                public class Holder { public Vm.RegMask Live = Vm.RegMask.RCX; }
            """);
        var run = GeneratorHarness.Run(Registers, Backend, use);
        var unsafeAllowed = run.Output.WithOptions(((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)run.Output.Options).WithAllowUnsafe(true));
        Assert.Empty(unsafeAllowed.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        var found = AnalyzerHarness.AnalyzeUsage(unsafeAllowed).OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start).Select(diagnostic => diagnostic.Id + " " + Text(diagnostic));

        Assert.Equal(new[]
        {
            "RM0021 ~(Held.Live)", "RM0021 ~(Mask | Held.Live)", "RM0022 (Mask).HasFlag(Vm.RegMask.RAX)", "RM0022 .HasFlag(Vm.RegMask.RAX)",
            "RM0023 Held.Live.ToString()", "RM0023 .ToString()", "RM0024 System.Enum.TryParse(text, out Vm.RegMask m)",
            "RM0025 (1u << ((int)Vm.Reg.RAX)) | ((1u << (int)Vm.Reg.RDX))", "RM0026 (Vm.RegMask)(0x3)", "RM0025 1u << (int)Vm.Reg.RAX",
            "RM0026 (Vm.RegMask)unchecked(0x3)", "RM0026 (Vm.RegMask)(0x3!)", "RM0025 1u << checked((int)Vm.Reg.RAX)",
            "RM0025 unchecked(1u << (int)Vm.Reg.RAX) | unchecked(1u << (int)Vm.Reg.RDX)", "RM0023 p->ToString()", "RM0022 p->HasFlag(Vm.RegMask.RAX)",
            "RM0023 .Live.ToString()",
        }, found);
    }

    private static string Text(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);

    /// <summary>The user's constants, by name, as the compiler evaluates them.</summary>
    private static Dictionary<string, object?> Constants(params string[] sources) =>
        GeneratorHarness.Run(sources).Output.GetSymbolsWithName(_ => true, SymbolFilter.Member).OfType<IFieldSymbol>()
            .Where(field => field.IsConst && field.ContainingType.Name == "Uses").ToDictionary(field => field.Name, field => field.ConstantValue);

    /// <summary>What each method of <c>Uses</c> without parameters returns, as text.</summary>
    private static Dictionary<string, string> Values(params string[] sources) =>
        GeneratorHarness.Run(sources).Load().GetType("Uses", throwOnError: true)!.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(method => method.GetParameters().Length == 0)
            .ToDictionary(method => method.Name, method => Convert.ToString(method.Invoke(null, null), CultureInfo.InvariantCulture) ?? "");

    /// <summary>No RM diagnostic of either analyzer, and a clean compile.</summary>
    private static void AssertClean(params string[] sources)
    {
        var run = GeneratorHarness.Run(sources);
        Assert.Empty(run.RegisterMaskDiagnostics());
        Assert.Empty(AnalyzerHarness.AnalyzeUsage(run.Output));
        run.AssertCompilesCleanly();
    }
}
