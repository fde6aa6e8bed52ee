using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.CodeFixes;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// The fixes for our own diagnostics, run through an AdhocWorkspace as an IDE runs them: each
/// fix's text, Fix All in the document and the solution, the cases where no fix may be offered,
/// and a compile of the fixed code that reports nothing (the mistake is gone, and no other came).
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class CodeFixTests
{
    private const string Header = "using RegisterMasking;\nnamespace N\n{\n";

    private static string File(string body) => Header + body + "}\n";

    [Theory]
    [InlineData("[RegisterFile(32)]", "[RegisterFile(128)]")]
    [InlineData("[RegisterFile]", "[RegisterFile(128)]")]
    [InlineData("[RegisterFile(MaskName = \"Wide\")]", "[RegisterFile(128, MaskName = \"Wide\")]")]
    [InlineData("[RegisterMasking.RegisterFile( 32 )]", "[RegisterMasking.RegisterFile( 128 )]")]
    public async Task RM0001_widens_the_file_to_the_smallest_width_every_register_fits(string written, string fixedAs)
    {
        var source = File($"    {written}\n    public enum R\n    {{\n        A,\n        B = 40,\n        C = 70,\n    }}\n");
        var harness = new CodeFixHarness(new WidthFixProvider(), "RM0001");
        Assert.Equal(new[] { "Change the width of 'R' to 128" }, await harness.TitlesAsync(0, source));

        var expected = source.Replace(written, fixedAs);
        Assert.Equal(expected, (await harness.ApplyAsync(0, null, source))[0]);
        Assert.Equal(expected, (await harness.FixAllAsync(FixAllScope.Document, 0, null, source))[0]); // two diagnostics, one edit
        AssertFixed(expected);
    }

    [Fact]
    public async Task RM0001_offers_nothing_when_no_supported_width_fits()
    {
        var source = File("    [RegisterFile(64)] public enum R { A, FAR = 5000 }\n");
        Assert.Empty(await new CodeFixHarness(new WidthFixProvider(), "RM0001").TitlesAsync(0, source));
    }

    [Theory]
    [InlineData("12", "5", "16")]     // 8 and 16 are as near: the wider
    [InlineData("100", "5", "128")]
    [InlineData("65", "63", "64")]
    [InlineData("7", "7", "8")]
    [InlineData("200", "150", "192")]
    [InlineData("0", "70", "128")]    // the nearest that fits, not the nearest
    public async Task RM0003_changes_to_the_nearest_supported_width_that_fits(string written, string highest, string fixedWidth)
    {
        var source = File($"    [RegisterFile({written})] public enum R {{ A, TOP = {highest} }}\n");
        var fixedSource = (await new CodeFixHarness(new WidthFixProvider(), "RM0003").ApplyAsync(0, null, source))[0];
        Assert.Equal(source.Replace($"[RegisterFile({written})]", $"[RegisterFile({fixedWidth})]"), fixedSource);
        AssertFixed(fixedSource);
    }

    [Fact]
    public async Task RM0011_makes_the_type_and_every_type_around_it_partial()
    {
        var source = File("""
                public static class Outer
                {
                    /// <summary>Sets.</summary>
                    [RegisterSet("S", R.A)]
                    class Sets { }
                }

                [RegisterFile(8)] public enum R { A }
            """ + "\n");
        var expected = source.Replace("public static class Outer", "public static partial class Outer").Replace("        class Sets", "        partial class Sets");
        var harness = new CodeFixHarness(new PartialFixProvider(), "RM0011");
        Assert.Equal(2, CodeFixHarness.Diagnostics("RM0011", source).Count);          // Outer, then Sets
        Assert.Equal(expected, (await harness.ApplyAsync(1, null, source))[0]);     // from Sets: Sets and Outer
        Assert.Equal(expected, (await harness.FixAllAsync(FixAllScope.Solution, 0, null, source))[0]);
        AssertFixed(expected);
    }

    [Fact]
    public async Task RM0011_removes_readonly_from_a_register_cache()
    {
        var source = File("    [RegisterFile(8)] public enum R { A }\n    [RegisterCache(typeof(R))] public readonly partial struct Cache { }\n");
        var fixedSource = (await new CodeFixHarness(new PartialFixProvider(), "RM0011").ApplyAsync(0, "Remove 'readonly' from 'Cache'", source))[0];
        Assert.Equal(source.Replace("public readonly partial struct", "public partial struct"), fixedSource);
        AssertFixed(fixedSource);
    }

    [Fact]
    public async Task RM0012_removes_the_redundant_register_and_an_emptied_Exclude()
    {
        var source = File("""
                [RegisterFile(8)] public enum R { A, B, C }

                [RegisterSet("TWICE", R.A, R.B, R.A)]
                [RegisterSet("ABSENT", R.A, Exclude = new object[] { R.C })]
                [RegisterSet("PARTLY", R.A, R.B, Exclude = new object[] { R.B, R.C })]
                public static partial class Sets { }
            """ + "\n");
        var harness = new CodeFixHarness(new RedundantRegisterFixProvider(), "RM0012");
        Assert.Equal(new[] { "Remove the redundant 'R.A'" }, await harness.TitlesAsync(0, source));
        var expected = source
            .Replace("R.A, R.B, R.A)", "R.A, R.B)")
            .Replace("R.A, Exclude = new object[] { R.C })", "R.A)")
            .Replace("Exclude = new object[] { R.B, R.C }", "Exclude = new object[] { R.B }");
        Assert.Equal(expected, (await harness.FixAllAsync(FixAllScope.Document, 0, null, source))[0]);
        AssertFixed(expected);
        Assert.Equal(source.Replace("R.A, R.B, R.A)", "R.A, R.B)"), (await harness.ApplyAsync(0, null, source))[0]);
    }

    [Fact]
    public async Task RM0004_marks_the_later_register_an_alias_on_its_own_line()
    {
        var source = File("""
                [RegisterFile(32)]
                public enum R
                {
                    CR3 = 19,
                    // KVM: dirtying CR3 dirties ERAPS
                    ERAPS = 19,
                }
            """ + "\n");
        var fixedSource = (await new CodeFixHarness(new RegisterAliasFixProvider(), "RM0004").ApplyAsync(0, null, source))[0];
        Assert.Equal(source.Replace("        ERAPS = 19,", "        [RegisterAlias]\n        ERAPS = 19,"), fixedSource);
        AssertFixed(fixedSource);
    }

    [Fact]
    public async Task RM0007_offers_each_set_name_within_two_edits_nearest_first()
    {
        var source = File("""
                [RegisterFile(8)] public enum R { A, B }

                [RegisterSet("GPRS", R.A)]
                [RegisterSet("GPRX", R.B)]
                [RegisterSet("FAR_AWAY", R.B)]
                [RegisterSet("USES", R.A, Include = new[] { "GPR" })]
                [RegisterSet("ALSO", R.A, Include = new[] { "gprs" })]
                public static partial class Sets { }
            """ + "\n");
        var harness = new CodeFixHarness(new IncludeNameFixProvider(), "RM0007");
        Assert.Equal(new[] { "Include 'GPRS'", "Include 'GPRX'" }, await harness.TitlesAsync(0, source));
        Assert.Equal(new[] { "Include 'GPRS'" }, await harness.TitlesAsync(1, source)); // another case: distance 0

        var second = (await harness.ApplyAsync(0, "Include 'GPRX'", source))[0];
        Assert.Equal(source.Replace("{ \"GPR\" }", "{ \"GPRX\" }"), second);
        var all = (await harness.FixAllAsync(FixAllScope.Project, 0, null, source))[0];
        var expected = source.Replace("{ \"GPR\" }", "{ \"GPRS\" }").Replace("{ \"gprs\" }", "{ \"GPRS\" }");
        Assert.Equal(expected, all);
        AssertFixed(expected);
    }

    [Fact]
    public async Task RM0007_offers_nothing_when_no_name_is_near_or_the_name_is_not_a_literal()
    {
        var source = File("""
                [RegisterFile(8)] public enum R { A }
                [RegisterSet("GPRS", R.A)]
                [RegisterSet("USES", R.A, Include = new[] { "NOTHING_LIKE_IT" })]
                [RegisterSet("VIA", R.A, Include = new[] { Names.Near })]
                public static partial class Sets { }
                public static class Names { public const string Near = "GPR"; }
            """ + "\n");
        var harness = new CodeFixHarness(new IncludeNameFixProvider(), "RM0007");
        Assert.Empty(await harness.TitlesAsync(0, source));
        Assert.Empty(await harness.TitlesAsync(1, source));
    }

    [Fact]
    public async Task RM0002_marks_a_negative_member_NotARegister_on_its_own_line()
    {
        var source = File("""
                [RegisterFile(8)]
                public enum R
                {
                    // no register yet
                    Invalid = -1,
                    A,
                    B,
                    Unknown = -2,
                }
            """ + "\n");
        var harness = new CodeFixHarness(new NotARegisterFixProvider(), "RM0002");
        Assert.Equal(new[] { "Mark 'Invalid' [NotARegister]" }, await harness.TitlesAsync(0, source));
        var expected = source.Replace("        Invalid = -1,", "        [NotARegister]\n        Invalid = -1,").Replace("        Unknown = -2,", "        [NotARegister]\n        Unknown = -2,");
        Assert.Equal(expected, (await harness.FixAllAsync(FixAllScope.Document, 0, null, source))[0]);
        AssertFixed(expected);
        AssertMembersMarkedWithOurs(expected, "NotARegister", "Invalid", "Unknown");
    }

    /// <summary>
    /// The attributes the member fixes write bind to ours: as the user wrote [RegisterFile] (short, or
    /// qualified), short beside user types of our names that are no attributes, and global:: where a
    /// user attribute of the same name is nearer (in the enum's own namespace).
    /// </summary>
    [Theory]
    [InlineData("using RegisterMasking;\nusing Jit.Allocator;\n", "", "[RegisterFile(8)]", "[NotARegister]", "[RegisterAlias]")]
    [InlineData("using Jit.Allocator;\n", "", "[RegisterMasking.RegisterFile(8)]", "[RegisterMasking.NotARegister]", "[RegisterMasking.RegisterAlias]")]
    [InlineData("using Jit.Allocator;\n", "", "[global::RegisterMasking.RegisterFile(8)]", "[global::RegisterMasking.NotARegister]", "[global::RegisterMasking.RegisterAlias]")]
    [InlineData("using RegisterMasking;\n", "    public sealed class NotARegisterAttribute : System.Attribute { }\n", "[RegisterFile(8)]", "[global::RegisterMasking.NotARegister]", "[RegisterAlias]")]
    public async Task RM0002_and_RM0004_write_attributes_that_bind_to_ours(string usings, string inNamespace, string file, string written, string writtenAlias)
    {
        const string allocator = "namespace Jit.Allocator\n{\n    public readonly struct RegisterMasks { }\n    public struct RegisterSet { }\n    public sealed class NotARegister { }\n    public sealed class RegisterAlias { }\n}\n";
        var source = usings + "namespace N\n{\n" + inNamespace + "    " + file + "\n    public enum R\n    {\n        Invalid = -1,\n        A,\n        B = 0,\n    }\n}\n";
        var marked = (await new CodeFixHarness(new NotARegisterFixProvider(), "RM0002").ApplyAsync(0, null, allocator, source))[1];
        Assert.Equal(source.Replace("        Invalid = -1,", "        " + written + "\n        Invalid = -1,"), marked);
        var aliased = (await new CodeFixHarness(new RegisterAliasFixProvider(), "RM0004").ApplyAsync(0, null, allocator, marked))[1];
        Assert.Equal(marked.Replace("        B = 0,", "        " + writtenAlias + "\n        B = 0,"), aliased);
        var run = GeneratorHarness.Run(allocator, aliased);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        AssertMembersMarkedWithOurs(run, "NotARegister", "Invalid");
        AssertMembersMarkedWithOurs(run, "RegisterAlias", "B");
    }

    /// <summary>
    /// A file that names our [RegisterFile] through an alias only: [NotARegister] binds once
    /// <c>using RegisterMasking;</c> is there, so Fix All adds it, once, among the file's usings;
    /// unless the alias has our attribute's name, which the using would make ambiguous (CS1614).
    /// </summary>
    [Theory]
    [InlineData("RegFile", "using System;\nusing RegisterMasking;\n", "[NotARegister]")]
    [InlineData("RegisterFile", "using System;\n", "[global::RegisterMasking.NotARegister]")]
    public async Task RM0002_Fix_All_adds_one_using_where_the_short_name_needs_it_and_changes_nothing_else(string alias, string usings, string written)
    {
        var source = """
            // Registers of two back ends.
            using System;
            using ALIAS = RegisterMasking.RegisterFileAttribute;

            namespace N
            {
                [ALIAS(8)]
                public enum X86 { Invalid = -1, Rax, Rcx }

                [ALIAS(8)]
                public enum Arm64 { Invalid = -1, X0, X1 }
            }

            """.Replace("ALIAS", alias);
        var fixedSource = (await new CodeFixHarness(new NotARegisterFixProvider(), "RM0002").FixAllAsync(FixAllScope.Document, 0, null, source))[0];
        var expected = source.Replace("using System;\n", usings).Replace("{ Invalid = -1,", "{ " + written + " Invalid = -1,");
        Assert.Equal(expected, fixedSource);
        AssertFixed(expected);
        AssertMembersMarkedWithOurs(GeneratorHarness.Run(expected), "NotARegister", "Invalid", "Invalid");
    }

    /// <summary>Each named member's attribute of that name, as the compiler binds it: ours.</summary>
    private static void AssertMembersMarkedWithOurs(string source, string attribute, params string[] members) =>
        AssertMembersMarkedWithOurs(GeneratorHarness.Run(source), attribute, members);

    private static void AssertMembersMarkedWithOurs(GeneratorRun run, string attribute, params string[] members)
    {
        foreach (var name in members)
        {
            var named = run.Output.SyntaxTrees.Where(tree => tree.FilePath.StartsWith("Input", StringComparison.Ordinal))
                .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<EnumMemberDeclarationSyntax>()).Where(candidate => candidate.Identifier.ValueText == name).ToList();
            Assert.NotEmpty(named);
            foreach (var member in named)
            {
                var bound = member.AttributeLists.SelectMany(list => list.Attributes)
                    .Select(syntax => run.Output.GetSemanticModel(member.SyntaxTree).GetSymbolInfo(syntax).Symbol?.ContainingType?.ToDisplayString()).ToList();
                Assert.Equal(new[] { "RegisterMasking." + attribute + "Attribute" }, bound);
            }
        }
    }

    /// <summary>The fixed code reports nothing of ours and compiles with no warning.</summary>
    private static void AssertFixed(string source)
    {
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
    }

    /// <summary>RM0022 on a register class's mask: <c>HasFlag(r.To{Mask}())</c> is one register, as <c>HasFlag(r.ToMask())</c> is for a file's.</summary>
    [Fact]
    public async Task RM0022_on_a_register_classs_mask_takes_its_conversion_as_one_register()
    {
        var classes = File("""
                public enum X86Register { Rax, Rcx, Xmm0 = 0, Xmm1 }
                [RegisterClass(typeof(X86Register), "X86GprMask", From = X86Register.Rax, To = X86Register.Rcx)]
                public static partial class X86Gpr { }
                [RegisterClass(typeof(X86Register), "X86VecMask", From = X86Register.Xmm0, To = X86Register.Xmm1)]
                public static partial class X86Vec { }

            """);
        var use = """
            using N;
            public static class Uses
            {
                public static bool Holds(X86VecMask mask, X86Register r) => mask.HasFlag(r.ToX86VecMask());
                public static bool Both(X86VecMask mask) => mask.HasFlag(X86VecMask.Xmm0 | X86VecMask.Xmm1);
            }
            """;
        var expected = use.Replace("mask.HasFlag(r.ToX86VecMask())", "mask.Contains(r)").Replace("mask.HasFlag(X86VecMask.Xmm0 | X86VecMask.Xmm1)", "mask.IsSupersetOf(X86VecMask.Xmm0 | X86VecMask.Xmm1)");
        Assert.Equal(expected, (await new CodeFixHarness(new MaskUsageFixProvider(), "RM0022").FixAllAsync(FixAllScope.Solution, 0, null, classes, use))[1]);
        var run = GeneratorHarness.Run(classes, expected);
        Assert.Empty(run.RegisterMaskDiagnostics());
        Assert.Empty(AnalyzerHarness.AnalyzeUsage(run.Output));
        run.AssertCompilesCleanly();
    }
}
