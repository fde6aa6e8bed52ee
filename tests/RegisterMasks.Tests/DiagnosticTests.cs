using Microsoft.CodeAnalysis;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// One test per diagnostic: its ID, severity, the exact syntax it points at, its message, and
/// that the broken part emits nothing while the parts beside it still do.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class DiagnosticTests
{
    private const string Header = "using RegisterMasking;\nnamespace D;\n";

    /// <summary>A valid file and set beside every broken input: they must still be generated.</summary>
    private const string Healthy = """

        [RegisterFile(8)] public enum Fine { F0, F1 }
        [RegisterSet("FINE_SET", Fine.F1)] public static partial class FineSets { }
        """;

    [Fact]
    public void RM0001_index_past_the_width_is_reported_at_the_member_which_alone_is_left_out_of_the_mask_and_sets()
    {
        var run = Run("[RegisterFile(8)] public enum R { A = 0, B = 1, TOO_FAR = 8 }\n" +
            "[RegisterSet(\"S\", R.A)]\n[RegisterSet(\"FAR\", R.B, R.TOO_FAR)]\n[RegisterSet(\"HOLDS_FAR\", Include = new[] { \"FAR\" }, RegisterFile = typeof(R))]\n" +
            "[RegisterSet(\"EVERY\", Include = new[] { \"All\" }, RegisterFile = typeof(R))]\npublic static partial class Sets { }");
        var diagnostic = Expect(run, "RM0001", DiagnosticSeverity.Error, "TOO_FAR",
            "Register 'TOO_FAR' has index 8, which does not fit register file 'R' of width 8 (indices 0 to 7)");
        Assert.NotNull(diagnostic);
        Assert.Single(run.RegisterMaskDiagnostics()); // the sets that name it get no diagnostic of their own

        // Everything the error does not touch is generated, so the user's other code keeps compiling.
        var mask = run.Source("D.RMask.g.cs");
        Assert.Contains("A = 1 << 0", mask);
        Assert.Contains("B = 1 << 1", mask);
        Assert.DoesNotContain("TOO_FAR", mask);
        var sets = run.SetsSource("D.Sets");
        Assert.Contains("const global::D.RMask S =", sets);
        Assert.Contains("const global::D.RMask EVERY =\n            global::D.RMask.A |\n            global::D.RMask.B;", sets);
        // A set naming it (or including one that does) is computed without it: its uses still compile,
        // and the build fails on RM0001 alone.
        Assert.Contains("const global::D.RMask FAR =\n            global::D.RMask.B;", sets);
        Assert.Contains("const global::D.RMask HOLDS_FAR =\n            global::D.RMask.B;", sets);
        Assert.DoesNotContain("TOO_FAR", sets);
        Assert.Empty(run.ErrorsOutsideUserSource());
        AssertHealthyEmitted(run);
    }

    /// <summary>
    /// README's example mistake: RBX = 40 in a 32-bit file pushes every register after it past the width
    /// too. Each is reported at its member; the registers before it, and the sets of them, still generate,
    /// so the code using those compiles, and the only other errors are the uses of the registers reported.
    /// </summary>
    [Fact]
    public void RM0001_one_bad_index_leaves_the_rest_of_the_file_usable()
    {
        var run = GeneratorHarness.Run(Header + """
            [RegisterFile(32)]
            public enum VcpuReg { RAX, RCX, RDX, RBX = 40, RSP, RIP }

            [RegisterSet("LOW", VcpuReg.RAX, VcpuReg.RCX)]
            [RegisterSet("WITH_RBX", VcpuReg.RAX, VcpuReg.RBX)]
            [RegisterSet("ONLY_LATE", From = VcpuReg.RSP, To = VcpuReg.RIP)]
            public static partial class Sets { }

            public static class Use
            {
                public static VcpuRegMask Low() => Sets.LOW.With(VcpuReg.RDX);
                public static bool Counts() => Sets.LOW.Count() == 2 && VcpuRegMask.All.Count() == 3
                    && Sets.WITH_RBX == VcpuRegMask.RAX && Sets.ONLY_LATE == VcpuRegMask.None;
            }
            """);
        Assert.Equal(new[] { "RM0001 RBX", "RM0001 RSP", "RM0001 RIP" },
            run.RegisterMaskDiagnostics().Select(diagnostic => diagnostic.Id + " " + Text(run, diagnostic)));
        Assert.Empty(run.CompilationDiagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        var assembly = run.Load();
        Assert.Equal(true, assembly.Invoke("D.Use", "Counts"));
    }

    /// <summary>A partition that holds: the parts split the whole exactly, written either way a params array can be.</summary>
    [Theory]
    [InlineData("[RegisterSetsPartition(nameof(Sets.GPRS), nameof(Sets.CALLER), nameof(Sets.CALLEE))]")]
    [InlineData("[RegisterSetsPartition(\"All\", new[] { \"GPRS\", \"FLAGS\" })]")]
    public void RM0017_a_partition_that_holds_is_silent(string partition)
    {
        var run = Run("[RegisterFile(8)] public enum R { RAX, RBX, RCX, RDX, FLAGS_REG }\n" +
            "[RegisterSet(\"GPRS\", From = R.RAX, To = R.RDX)][RegisterSet(\"CALLER\", R.RAX, R.RCX, R.RDX)][RegisterSet(\"CALLEE\", R.RBX)][RegisterSet(\"FLAGS\", R.FLAGS_REG)]\n" +
            "public static partial class Sets { }\n" + partition + " public static class Checks { }");
        Assert.Empty(run.RegisterMaskDiagnostics());
    }

    [Fact]
    public void RM0001_covers_the_narrowing_from_64_to_32_bits()
    {
        var run = Run("[RegisterFile(32)] public enum R : long { LOW = 0, HIGH = 40 }");
        Expect(run, "RM0001", DiagnosticSeverity.Error, "HIGH",
            "Register 'HIGH' has index 40, which does not fit register file 'R' of width 32 (indices 0 to 31)");
    }

    [Fact]
    public void RM0002_negative_index()
    {
        var run = Run("[RegisterFile(16)] public enum R { BELOW = -1, A = 0 }");
        Expect(run, "RM0002", DiagnosticSeverity.Error, "BELOW", "Register 'BELOW' has negative index -1; register indices start at 0");
        var mask = run.Source("D.RMask.g.cs");
        Assert.Contains("A = 1 << 0", mask);
        Assert.DoesNotContain("BELOW", mask);
        AssertHealthyEmitted(run);
    }

    [Theory]
    [InlineData("12", "12")]
    [InlineData("0", "0")]
    [InlineData("96", "96")]
    [InlineData("1088", "1088")]
    public void RM0003_unsupported_width_is_reported_at_the_argument(string width, string shown)
    {
        var run = Run($"[RegisterFile({width})] public enum R {{ A }}");
        Expect(run, "RM0003", DiagnosticSeverity.Error, width, $"Register file 'R' has width {shown}; supported widths are 8, 16, 32, 64, and multiples of 64 up to 1024");
        Assert.DoesNotContain("D.RMask.g.cs", run.Sources.Keys);
        AssertHealthyEmitted(run);
    }

    [Fact]
    public void RM0004_alias_is_a_warning_and_the_mask_is_still_generated()
    {
        var run = Run("[RegisterFile(8)] public enum R { A = 0, B = 1, B_AGAIN = 1 }");
        Expect(run, "RM0004", DiagnosticSeverity.Warning, "B_AGAIN", "Register 'B_AGAIN' shares index 1 with 'B'; both name the same bit");
        Assert.Contains("D.RMask.g.cs", run.Sources.Keys);
    }

    [Theory]
    [InlineData("Other.X", "'Other.X', a member of enum 'D.Other'")]
    [InlineData("3", "'3', a number")]
    [InlineData("\"RAX\"", "'\"RAX\"', a string")]
    [InlineData("R.COUNT", "'R.COUNT', a [NotARegister] member")]
    [InlineData("(R)5", "'(R)5' (value 5, held by no member)")]
    public void RM0005_a_set_names_something_that_is_not_a_register(string argument, string described)
    {
        var run = Run(
            "[RegisterFile(8)] public enum R { A, B, [NotARegister] COUNT }\npublic enum Other { X }\n" +
            $"[RegisterSet(\"BAD\", R.A, {argument})]\n[RegisterSet(\"GOOD\", R.B)]\npublic static partial class Sets {{ }}");
        Expect(run, "RM0005", DiagnosticSeverity.Error, argument, $"Set 'BAD' names {described}, which is not a register of 'R'");
        var sets = run.SetsSource("D.Sets");
        Assert.Contains("GOOD", sets);
        Assert.DoesNotContain("BAD", sets);
    }

    [Fact]
    public void RM0005_a_range_needs_both_ends_in_order()
    {
        var run = Run("[RegisterFile(8)] public enum R { A, B, C }\n[RegisterSet(\"BACKWARDS\", From = R.C, To = R.A)] public static partial class Sets { }");
        Expect(run, "RM0005", DiagnosticSeverity.Error, "R.C",
            "Set 'BACKWARDS' names a range From C (2) To A (0) that runs backwards, which is not a register of 'R'");
    }

    [Fact]
    public void RM0006_a_set_mixes_register_files()
    {
        var run = Run("[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { X }\n[RegisterSet(\"MIXED\", R.A, Q.X)] public static partial class Sets { }");
        Expect(run, "RM0006", DiagnosticSeverity.Error, "Q.X", "Set 'MIXED': it mixes registers of 'R' and 'Q' ('Q.X')");
        Assert.Null(run.SetsOf("D.Sets"));
        AssertHealthyEmitted(run);
    }

    [Fact]
    public void RM0006_a_set_of_an_enum_without_RegisterFile()
    {
        var run = Run("public enum Plain { P }\n[RegisterSet(\"PLAIN\", Plain.P)] public static partial class Sets { }");
        Expect(run, "RM0006", DiagnosticSeverity.Error, "Plain.P",
            "Set 'PLAIN': enum 'D.Plain' of 'Plain.P' has no [RegisterFile]; annotate it, or name the set's file with RegisterFile = typeof(...)");
    }

    [Fact]
    public void RM0006_a_set_whose_file_cannot_be_determined()
    {
        var run = Run("[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"A_SET\", R.A)]\n[RegisterSet(\"WHICH\", Exclude = new object[0])] public static partial class Sets { }");
        Expect(run, "RM0006", DiagnosticSeverity.Error, "RegisterSet",
            "Set 'WHICH': its register file cannot be determined, since it names no register; add RegisterFile = typeof(...)");
        Assert.Contains("A_SET", run.SetsSource("D.Sets"));
    }

    [Fact]
    public void RM0006_a_set_that_only_includes_sets_of_two_files()
    {
        var run = Run("[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { X }\n" +
            "[RegisterSet(\"R_SET\", R.A)]\n[RegisterSet(\"Q_SET\", Q.X)]\n[RegisterSet(\"BOTH\", Include = new[] { \"R_SET\", \"Q_SET\" })] public static partial class Sets { }");
        Expect(run, "RM0006", DiagnosticSeverity.Error, "RegisterSet",
            "Set 'BOTH': the sets it includes belong to different register files ('R_SET' of 'R', 'Q_SET' of 'Q'); a set holds registers of one file");
        var sets = run.SetsSource("D.Sets");
        Assert.Contains("R_SET", sets);
        Assert.DoesNotContain("BOTH", sets);
    }

    [Fact]
    public void RM0007_include_of_a_set_that_does_not_exist_suggests_a_near_name()
    {
        var run = Run("[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"BASE\", R.A)]\n[RegisterSet(\"TOP\", R.A, Include = new[] { \"base\" })] public static partial class Sets { }");
        Expect(run, "RM0007", DiagnosticSeverity.Error, "\"base\"", "Set 'TOP' includes 'base', which is not a set of 'R'; did you mean 'BASE'?");
        var sets = run.SetsSource("D.Sets");
        Assert.Contains("BASE", sets);
        Assert.DoesNotContain("TOP", sets);
    }

    [Fact]
    public void RM0008_include_cycle_is_reported_at_each_include_with_the_cycle_named()
    {
        var run = Run(
            "[RegisterFile(8)] public enum R { A, B }\n" +
            "[RegisterSet(\"PING\", R.A, Include = new[] { \"PONG\" })] public static partial class One { }\n" +
            "[RegisterSet(\"PONG\", R.B, Include = new[] { nameof(One.PING) })] public static partial class Two { }");
        var diagnostics = run.RegisterMaskDiagnostics();
        Assert.Equal(new[] { "RM0008", "RM0008" }, diagnostics.Select(d => d.Id));
        AssertAt(run, diagnostics[0], "\"PONG\"");
        Assert.Equal("Set 'PING' is part of an include cycle: PING -> PONG -> PING", diagnostics[0].GetMessage());
        AssertAt(run, diagnostics[1], "nameof(One.PING)");
        Assert.Equal("Set 'PONG' is part of an include cycle: PONG -> PING -> PONG", diagnostics[1].GetMessage());
        Assert.True(run.SetsOf("D.One") is null && run.SetsOf("D.Two") is null);
    }

    [Fact]
    public void RM0009_two_sets_of_one_file_share_a_name()
    {
        var run = Run(
            "[RegisterFile(8)] public enum R { A, B }\n" +
            "[RegisterSet(\"TWICE\", R.A)] public static partial class One { }\n" +
            "[RegisterSet(\"TWICE\", R.B)] public static partial class Two { }");
        var diagnostics = run.RegisterMaskDiagnostics();
        Assert.Equal(new[] { "RM0009", "RM0009" }, diagnostics.Select(d => d.Id));
        Assert.All(diagnostics, d => Assert.Equal("Set name 'TWICE' is declared 2 times for register file 'R' (on D.One, D.Two)", d.GetMessage()));
        Assert.All(diagnostics, d => AssertAt(run, d, "\"TWICE\""));
        Assert.True(run.SetsOf("D.One") is null && run.SetsOf("D.Two") is null);
    }

    [Theory]
    [InlineData("[RegisterSet(\"not valid\", R.A)] public static partial class Sets { }", "\"not valid\"", "Set name 'not valid' is not a valid C# identifier")]
    [InlineData("[RegisterSet(\"All\", R.A)] public static partial class Sets { }", "\"All\"", "Set name 'All' is reserved: Include uses it for every register of the file")]
    [InlineData("[RegisterSet(\"Taken\", R.A)] public static partial class Sets { public const int Taken = 1; }", "\"Taken\"", "Set name 'Taken' collides with member 'D.Sets.Taken' that already exists")]
    public void RM0010_invalid_or_colliding_set_name(string declaration, string at, string message)
    {
        var run = Run("[RegisterFile(8)] public enum R { A }\n" + declaration);
        Expect(run, "RM0010", DiagnosticSeverity.Error, at, message);
        Assert.DoesNotContain(run.Sources.Keys, key => key.StartsWith("D.Sets"));
    }

    [Theory]
    [InlineData("[RegisterFile(8, MaskName = \"Existing\")] public enum R { A }\npublic class Existing { }", "\"Existing\"",
        "Mask name 'Existing' of register file 'R' collides with type 'D.Existing' that already exists; set MaskName to another name")]
    [InlineData("[RegisterFile(8, MaskName = \"9Lives\")] public enum R { A }", "\"9Lives\"", "Mask name '9Lives' of register file 'R' is not a valid C# identifier")]
    [InlineData("[RegisterFile(8)] public enum R { A, All }", "All",
        "Register 'All' of 'R' collides with the member 'All' every mask has; rename the register or mark it [NotARegister]")]
    [InlineData("[RegisterFile(8)] public enum R { A }\npublic class RMaskExtensions { }", "RegisterFile(8)",
        "Mask name 'RMask' of register file 'R' needs the class 'RMaskExtensions', but type 'D.RMaskExtensions' exists and is not a static partial class; set MaskName to another name")]
    [InlineData("[RegisterFile(8, MaskName = \"Bits\")] public enum R { A, Bits }", "Bits",
        "Register 'Bits' of 'R' has the name of its mask, which cannot hold a member of its own name; set MaskName to another name")]
    [InlineData("[RegisterFile(8, MaskName = \"Shared\")] public enum R { A }\n[RegisterFile(8, MaskName = \"Shared\")] public enum S { B }", "\"Shared\"",
        "Mask name 'Shared' of register file 'S' is already the mask of register file 'R'; set MaskName to another name")]
    public void RM0010_invalid_or_colliding_mask_name(string declaration, string at, string message)
    {
        var run = Run(declaration);
        var diagnostic = Expect(run, "RM0010", DiagnosticSeverity.Error, null, message);
        Assert.EndsWith(at, Text(run, diagnostic));
        AssertHealthyEmitted(run);
    }

    [Fact]
    public void RM0011_the_bearing_type_is_not_partial()
    {
        var run = Run("[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A)] public static class NotPartial { }");
        Expect(run, "RM0011", DiagnosticSeverity.Error, "NotPartial",
            "Type 'NotPartial' must be declared partial, because it declares register sets whose constants are generated into it");
        Assert.DoesNotContain(run.Sources.Keys, key => key.StartsWith("D.NotPartial"));
        AssertHealthyEmitted(run);
    }

    [Fact]
    public void RM0011_a_containing_type_is_not_partial()
    {
        var run = Run("[RegisterFile(8)] public enum R { A }\npublic class Outer { [RegisterSet(\"S\", R.A)] public static partial class Inner { } }");
        Expect(run, "RM0011", DiagnosticSeverity.Error, "Outer",
            "Type 'Outer' must be declared partial, because it contains a type that declares register sets whose constants are generated into it");
    }

    [Theory]
    [InlineData("public class NoPartial", "NoPartial", "must be declared partial, because it declares a register cache whose members are generated into it")]
    [InlineData("public readonly partial struct Frozen", "Frozen", "must not be a readonly struct, because it is a register cache whose masks change")]
    public void RM0011_a_register_cache_that_cannot_take_members(string declaration, string at, string problem)
    {
        var run = Run($"[RegisterFile(8)] public enum R {{ A }}\n[RegisterCache(typeof(R))] {declaration} {{ }}");
        Expect(run, "RM0011", DiagnosticSeverity.Error, at, $"Type '{at}' {problem}");
        Assert.DoesNotContain(run.Sources.Keys, key => key.Contains("RegisterCache"));
        AssertHealthyEmitted(run);
    }

    /// <summary>Over no register file the cache gets nothing, so what its values would need (RM0018, RM0019) is not asked for as well.</summary>
    [Theory]
    [InlineData("[RegisterCache(typeof(Plain))] public partial class Cache { }")]
    [InlineData("[RegisterCache(typeof(Plain), ValueType = typeof(ulong))] public partial class Cache { }")]
    [InlineData("[RegisterCache(typeof(Plain), ValueType = typeof(ulong))] public partial class Cache { partial void LoadRegister(Plain register, ref ulong value); }")]
    public void RM0006_a_register_cache_over_an_enum_without_RegisterFile(string declaration)
    {
        var run = Run("public enum Plain { P }\n" + declaration);
        Expect(run, "RM0006", DiagnosticSeverity.Error, "typeof(Plain)",
            "Register cache 'Cache': 'D.Plain' is not an enum with [RegisterFile] declared in this assembly");
        Assert.DoesNotContain(run.Sources.Keys, key => key.Contains("RegisterCache"));
    }

    [Fact]
    public void RM0012_a_register_listed_twice_or_excluded_without_being_present()
    {
        var run = Run(
            "[RegisterFile(8)] public enum R { A, B, C }\n" +
            "[RegisterSet(\"S\", R.A, R.B, Exclude = new object[] { R.C })]\n" +
            "[RegisterSet(\"T\", R.B, From = R.A, To = R.B)] public static partial class Sets { }");
        var diagnostics = run.RegisterMaskDiagnostics();
        Assert.Equal(new[] { "RM0012", "RM0012" }, diagnostics.Select(d => d.Id));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        AssertAt(run, diagnostics[0], "R.C");
        Assert.Equal("Set 'S': register 'C' is excluded but the set does not hold it", diagnostics[0].GetMessage());
        Assert.Equal("Set 'T': register 'B' is listed twice", diagnostics[1].GetMessage());
        Assert.Equal("R.B", Text(run, diagnostics[1])); // the named register, not the range, is the one to delete
        var sets = run.SetsSource("D.Sets");
        Assert.Contains("public const global::D.RMask S =", sets);
        Assert.Contains("public const global::D.RMask T =", sets);
    }

    [Fact]
    public void RM0013_an_empty_set_is_a_warning_and_still_a_constant()
    {
        var run = Run("[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"NOTHING\", R.A, Exclude = new object[] { R.A })] public static partial class Sets { }");
        Expect(run, "RM0013", DiagnosticSeverity.Warning, "RegisterSet(\"NOTHING\", R.A, Exclude = new object[] { R.A })", "Set 'NOTHING' of 'R' holds no register");
        Assert.Contains("NOTHING =\n            global::D.RMask.None;", run.SetsSource("D.Sets"));
    }

    [Fact]
    public void RM0014_sets_declared_disjoint_overlap_naming_the_shared_registers()
    {
        var run = Run(
            "[RegisterFile(8)] public enum R { A, B, C, D }\n" +
            "[RegisterSet(\"LOW\", R.A, R.B, R.C)] [RegisterSet(\"HIGH\", R.B, R.C, R.D)] [RegisterSet(\"ONLY_D\", R.D)] public static partial class Sets { }\n" +
            "[RegisterSetsDisjoint(nameof(Sets.LOW), nameof(Sets.HIGH), \"ONLY_D\")] public class Checks { }");
        var diagnostics = run.RegisterMaskDiagnostics();
        Assert.Equal(new[] { "RM0014", "RM0014" }, diagnostics.Select(d => d.Id));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.All(diagnostics, d => AssertAt(run, d, "RegisterSetsDisjoint(nameof(Sets.LOW), nameof(Sets.HIGH), \"ONLY_D\")"));
        Assert.Equal(
            new[] { "Sets 'HIGH' and 'ONLY_D' must be disjoint, but both hold D", "Sets 'LOW' and 'HIGH' must be disjoint, but both hold B, C" },
            diagnostics.Select(d => d.GetMessage()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RM0014_holds_silently_when_sets_are_disjoint_and_All_works()
    {
        var run = Run(
            "[RegisterFile(8)] public enum R { A, B }\n" +
            "[RegisterSet(\"FIRST\", R.A)] [RegisterSet(\"SECOND\", R.B)] public static partial class Sets { }\n" +
            "[RegisterSetsDisjoint(\"FIRST\", \"SECOND\")] [RegisterSetSubset(\"FIRST\", \"All\")] public struct Checks { }");
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void RM0014_catches_a_broken_invariant_of_the_KVM_sample()
    {
        var inputs = RepositoryFiles.KvmSampleInputs();
        Assert.Empty(GeneratorHarness.Run(inputs).RegisterMaskDiagnostics());
        inputs[1] = inputs[1].Replace("From = VcpuReg.VCPU_EXREG_PDPTR, To = VcpuReg.VCPU_EXREG_EXIT_INFO_2,", "From = VcpuReg.VCPU_REGS_RSP, To = VcpuReg.VCPU_EXREG_EXIT_INFO_2,");
        var diagnostic = Assert.Single(GeneratorHarness.Run(inputs).RegisterMaskDiagnostics());
        Assert.Equal("RM0014", diagnostic.Id);
        Assert.StartsWith("Sets 'GPRS' and 'EXREGS' must be disjoint, but both hold VCPU_REGS_RSP, VCPU_REGS_RBP", diagnostic.GetMessage());
    }

    [Fact]
    public void RM0015_a_subset_holds_registers_its_superset_lacks()
    {
        var run = Run(
            "[RegisterFile(8)] public enum R { A, B, C }\n" +
            "[RegisterSet(\"SMALL\", R.A, R.C)] [RegisterSet(\"BIG\", R.A, R.B)] public static partial class Sets { }\n" +
            "[RegisterSetSubset(nameof(Sets.SMALL), nameof(Sets.BIG))] public class Checks { }");
        Expect(run, "RM0015", DiagnosticSeverity.Error, "RegisterSetSubset(nameof(Sets.SMALL), nameof(Sets.BIG))",
            "Set 'SMALL' must be a subset of 'BIG', but holds C, which 'BIG' lacks");
    }

    [Fact]
    public void RM0007_an_invariant_naming_an_unknown_set()
    {
        var run = Run("[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"REAL\", R.A)] public static partial class Sets { }\n[RegisterSetSubset(\"REAL\", \"IMAGINED\")] public class Checks { }");
        Expect(run, "RM0007", DiagnosticSeverity.Error, "\"IMAGINED\"", "[RegisterSetSubset] names 'IMAGINED', which is not a set of any register file");
    }

    [Fact]
    public void RM0006_an_invariant_over_sets_of_different_files()
    {
        var run = Run(
            "[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { X }\n" +
            "[RegisterSet(\"OF_R\", R.A)] [RegisterSet(\"OF_Q\", Q.X)] public static partial class Sets { }\n" +
            "[RegisterSetsDisjoint(\"OF_R\", \"OF_Q\")] public class Checks { }");
        Expect(run, "RM0006", DiagnosticSeverity.Error, "RegisterSetsDisjoint(\"OF_R\", \"OF_Q\")",
            "[RegisterSetsDisjoint]: the sets it names belong to different register files");
    }

    [Theory]
    [InlineData("public class Box<T> { [RegisterFile(8)] public enum R { A } }", "is nested in generic type 'D.Box<T>'")]
    [InlineData("public class Holder { [RegisterFile(8)] private enum R { A } }", "is private")]
    [InlineData("public class Holder { protected class Inner { [RegisterFile(8)] public enum R { A } } }", "is inside protected type 'D.Holder.Inner'")]
    public void RM0016_an_enum_the_namespace_cannot_name(string declaration, string problem)
    {
        var run = Run(declaration);
        Expect(run, "RM0016", DiagnosticSeverity.Error, "R",
            $"Register file 'R' {problem}; its mask and extension methods live at namespace level, so declare it public or internal, outside generic types");
        Assert.DoesNotContain("D.RMask.g.cs", run.Sources.Keys);
        AssertHealthyEmitted(run);
    }

    // One cause, one diagnostic: each case below once reported a consequence instead of its cause, or a cause twice.

    /// <summary>
    /// Arguments given as registers that are members of no enum: each is RM0005, where nothing else decides
    /// the file (once RM0006's "add RegisterFile") and where the includes do (once dropped without a word).
    /// </summary>
    [Theory]
    [InlineData("[RegisterSet(\"NUMBERS\", 3)]", "3", "'3', a number")]
    [InlineData("[RegisterSet(\"NUMBERS\", 3, Include = new[] { \"A_SET\" })]", "3", "'3', a number")]
    [InlineData("[RegisterSet(\"NUMBERS\", Include = new[] { \"A_SET\" }, Exclude = new object[] { \"R.B\" })]", "\"R.B\"", "'\"R.B\"', a string")]
    [InlineData("[RegisterSet(\"NUMBERS\", Exclude = new object[] { 5 })]", "5", "'5', a number")]
    public void RM0005_a_value_that_is_no_enum_member_where_no_register_decides_the_file(string declaration, string at, string what)
    {
        var run = Run("[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"A_SET\", R.A)]\n" + declaration + " public static partial class Sets { }");
        Expect(run, "RM0005", DiagnosticSeverity.Error, at, $"Set 'NUMBERS' names {what}, which is not a register of any register file");
        var sets = run.SetsSource("D.Sets");
        Assert.Contains("A_SET", sets);
        Assert.DoesNotContain("NUMBERS", sets);
        AssertHealthyEmitted(run);
    }

    [Fact]
    public void RM0007_include_of_a_set_of_another_file_names_that_file()
    {
        var run = Run("[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { X }\n" +
            "[RegisterSet(\"OF_Q\", Q.X)]\n[RegisterSet(\"TOP\", R.A, Include = new[] { \"OF_Q\" })] public static partial class Sets { }");
        Expect(run, "RM0007", DiagnosticSeverity.Error, "\"OF_Q\"", "Set 'TOP' includes 'OF_Q', which is not a set of 'R' but of 'Q'");
        Assert.DoesNotContain("TOP", run.SetsSource("D.Sets"));
    }

    /// <summary>An invariant naming a set no file has is RM0007 alone: not also RM0006 for the files of the others.</summary>
    [Fact]
    public void RM0007_an_invariant_naming_an_unknown_set_beside_sets_of_two_files()
    {
        var run = Run(
            "[RegisterFile(8)] public enum R { A }\n[RegisterFile(8)] public enum Q { X }\n" +
            "[RegisterSet(\"OF_R\", R.A)] [RegisterSet(\"OF_Q\", Q.X)] public static partial class Sets { }\n" +
            "[RegisterSetsDisjoint(\"OF_R\", \"OF_Q\", \"GONE\")] public class Checks { }");
        Expect(run, "RM0007", DiagnosticSeverity.Error, "\"GONE\"", "[RegisterSetsDisjoint] names 'GONE', which is not a set of any register file");
    }

    /// <summary>
    /// A cycle of sets whose file only the includes could give is RM0008, as a cycle of sets with a file
    /// is (once RM0006 at each, whose RegisterFile led on to RM0008); an unknown name beside it is
    /// RM0007 too; a set including a set of the cycle gets nothing of its own.
    /// </summary>
    [Theory]
    [InlineData("[RegisterSet(\"PING\", Include = new[] { \"PONG\" })]\n[RegisterSet(\"PONG\", Include = new[] { \"PING\" })]\n[RegisterSet(\"OUTSIDE\", Include = new[] { \"PING\" })]",
        "RM0008 \"PONG\" Set 'PING' is part of an include cycle: PING -> PONG -> PING|RM0008 \"PING\" Set 'PONG' is part of an include cycle: PONG -> PING -> PONG")]
    [InlineData("[RegisterSet(\"SELF\", Include = new[] { \"SELF\" })]",
        "RM0008 \"SELF\" Set 'SELF' is part of an include cycle: SELF -> SELF")]
    [InlineData("[RegisterSet(\"PING\", Include = new[] { \"PONG\", \"GONE\" })]\n[RegisterSet(\"PONG\", Include = new[] { \"PING\" })]",
        "RM0008 \"PONG\" Set 'PING' is part of an include cycle: PING -> PONG -> PING|RM0007 \"GONE\" Set 'PING' includes 'GONE', which is not a set of any register file|" +
        "RM0008 \"PING\" Set 'PONG' is part of an include cycle: PONG -> PING -> PONG")]
    [InlineData("[RegisterSet(\"PING\", R.A, Include = new[] { \"PONG\", \"GONE\" })]\n[RegisterSet(\"PONG\", R.B, Include = new[] { \"PING\" })]",
        "RM0008 \"PONG\" Set 'PING' is part of an include cycle: PING -> PONG -> PING|RM0007 \"GONE\" Set 'PING' includes 'GONE', which is not a set of 'R'|" +
        "RM0008 \"PING\" Set 'PONG' is part of an include cycle: PONG -> PING -> PONG")]
    public void RM0008_a_cycle_is_reported_as_one_whatever_decides_the_files(string declarations, string expected)
    {
        var run = Run("[RegisterFile(8)] public enum R { A, B }\n" + declarations + " public static partial class Sets { }");
        Assert.Equal(expected.Split('|'), run.RegisterMaskDiagnostics().Select(d => $"{d.Id} {Text(run, d)} {d.GetMessage()}"));
        Assert.Null(run.SetsOf("D.Sets"));
        AssertHealthyEmitted(run);
    }

    /// <summary>Sets and invariants naming a duplicated name get nothing of their own: RM0009 says it at each declaration.</summary>
    [Fact]
    public void RM0009_sets_and_invariants_naming_a_duplicated_set_get_no_diagnostic_of_their_own()
    {
        var run = Run(
            "[RegisterFile(8)] public enum R { A, B }\n" +
            "[RegisterSet(\"TWICE\", R.A)] public static partial class One { }\n" +
            "[RegisterSet(\"TWICE\", R.B)] public static partial class Two { }\n" +
            "[RegisterSet(\"USES\", Include = new[] { \"TWICE\" })] [RegisterSet(\"ALSO\", R.A, Include = new[] { \"TWICE\" })] [RegisterSet(\"ELSE\", R.B)] public static partial class Three { }\n" +
            "[RegisterSetsDisjoint(\"TWICE\", \"ELSE\")] public class Checks { }");
        var diagnostics = run.RegisterMaskDiagnostics();
        Assert.Equal(new[] { "RM0009 \"TWICE\"", "RM0009 \"TWICE\"" }, diagnostics.Select(d => d.Id + " " + Text(run, d)));
        var sets = run.SetsSource("D.Three");
        Assert.Contains("ELSE", sets);
        Assert.DoesNotContain("USES", sets);
        Assert.DoesNotContain("ALSO", sets);
    }

    /// <summary>A set whose name is unusable (RM0010) is reported there; sets including it and invariants naming it get nothing of their own.</summary>
    [Fact]
    public void RM0010_sets_and_invariants_naming_a_set_with_an_unusable_name_get_no_diagnostic_of_their_own()
    {
        var run = Run("[RegisterFile(8)] public enum R { A, B }\n" +
            "[RegisterSet(\"Taken\", R.A)] [RegisterSet(\"T\", R.B, Include = new[] { \"Taken\" })] [RegisterSet(\"U\", Include = new[] { \"Taken\" })] [RegisterSet(\"V\", R.B)]\n" +
            "public static partial class Sets { public const int Taken = 1; }\n" +
            "[RegisterSetSubset(\"Taken\", \"All\")] [RegisterSetsDisjoint(\"U\", \"V\")] public class Checks { }");
        Expect(run, "RM0010", DiagnosticSeverity.Error, "\"Taken\"", "Set name 'Taken' collides with member 'D.Sets.Taken' that already exists");
        var sets = run.SetsSource("D.Sets");
        Assert.Contains("RMask V =", sets);
        Assert.DoesNotContain("RMask T =", sets);
        Assert.DoesNotContain("RMask U =", sets);
    }

    /// <summary>A set emptied only by registers with an error of their own (listed, or through includes) is that error's doing: no RM0013.</summary>
    [Fact]
    public void RM0013_is_not_reported_for_a_set_emptied_by_a_register_error()
    {
        var run = Run(
            "[RegisterFile(8)] public enum R { A, TOO_FAR = 8 }\n" +
            "[RegisterSet(\"FAR\", R.TOO_FAR)] [RegisterSet(\"HOLDS_FAR\", Include = new[] { \"FAR\" })]\n" +
            "[RegisterSet(\"HOLDS_HOLDS\", Include = new[] { \"HOLDS_FAR\" }, RegisterFile = typeof(R))] [RegisterSet(\"NOTHING\", R.A, Exclude = new object[] { R.A })] public static partial class Sets { }");
        Assert.Equal(new[] { "RM0001 TOO_FAR", "RM0013 RegisterSet(\"NOTHING\", R.A, Exclude = new object[] { R.A })" },
            run.RegisterMaskDiagnostics().Select(d => d.Id + " " + Text(run, d)));
        Assert.Contains("HOLDS_HOLDS =\n            global::D.RMask.None;", run.SetsSource("D.Sets"));
    }

    /// <summary>A set that cannot be computed for an unknown include gets no RM0012 or RM0013 for what that left out.</summary>
    [Fact]
    public void RM0012_and_RM0013_are_not_reported_for_a_set_whose_include_is_unknown()
    {
        var run = Run("[RegisterFile(8)] public enum R { A, B }\n" +
            "[RegisterSet(\"S\", R.A, Include = new[] { \"GONE\" }, Exclude = new object[] { R.B, R.A })] public static partial class Sets { }");
        Expect(run, "RM0007", DiagnosticSeverity.Error, "\"GONE\"", "Set 'S' includes 'GONE', which is not a set of 'R'");
    }

    /// <summary>
    /// Every descriptor's help link is its entry in docs/diagnostics.md: the file the link names, and a
    /// heading there whose GitHub anchor is the link's. Every ID is in the unshipped release notes too.
    /// </summary>
    [Fact]
    public void Every_diagnostic_links_to_its_entry_in_docs_diagnostics()
    {
        var reference = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "diagnostics.md")).ReplaceLineEndings("\n");
        var releases = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "generator", "Generator", "AnalyzerReleases.Unshipped.md"));
        var descriptors = typeof(DiagnosticDescriptors)
            .GetFields().Select(field => field.GetValue(null)).OfType<DiagnosticDescriptor>().ToList();
        Assert.NotEmpty(descriptors);
        foreach (var descriptor in descriptors)
        {
            Assert.Equal("https://github.com/registermasks/registermasks/blob/main/docs/diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri);
            Assert.Contains($"\n### {descriptor.Id}\n", reference);   // GitHub's anchor of "### RM0001" is "rm0001"
            Assert.Contains($"\n{descriptor.Id} | RegisterMasks | {descriptor.DefaultSeverity} |", releases);
        }
    }

    /// <summary>
    /// <c>Accessibility</c> gives the constant (and its <c>_ORDER</c>) that accessibility, within the
    /// mask's: of an internal file, public is internal and protected private protected. Each compiles
    /// cleanly, as a member of a class others can derive from.
    /// </summary>
    [Theory]
    [InlineData("public", "\"private\"", "private")]
    [InlineData("public", "\"internal\"", "internal")]
    [InlineData("public", "\"protected\"", "protected")]
    [InlineData("public", "\"internal  protected\"", "protected internal")]   // as C# takes it: either order, any spacing
    [InlineData("public", "\"protected private\"", "private protected")]
    [InlineData("public", "null", "public")]
    [InlineData("internal", "\"public\"", "internal")]
    [InlineData("internal", "\"protected internal\"", "internal")]
    [InlineData("internal", "\"protected\"", "private protected")]
    [InlineData("internal", "\"private\"", "private")]
    public void A_sets_Accessibility_is_its_constants_within_the_masks(string file, string asked, string emitted)
    {
        var run = Run($"[RegisterFile(8)] {file} enum R {{ A, B }}\n[RegisterSet(\"S\", R.A, Ordered = true, Accessibility = {asked})] public partial class Sets {{ }}");
        Assert.Empty(run.RegisterMaskDiagnostics());
        var sets = run.SetsSource("D.Sets");
        Assert.Contains($"        {emitted} const global::D.RMask S =", sets);
        var order = System.Text.RegularExpressions.Regex.Match(sets, @"^        ([a-z ]+) static \S+ S_ORDER$", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.Equal(emitted, order.Groups[1].Value);
        run.AssertCompilesCleanly();
    }

    [Theory]
    [InlineData("\"friend\"", "public static partial class Sets", "Set 'S': Accessibility 'friend' is none of public, internal, protected, protected internal, private protected and private")]
    [InlineData("\"public internal\"", "public static partial class Sets", "Set 'S': Accessibility 'public internal' is none of public, internal, protected, protected internal, private protected and private")]
    [InlineData("\"protected\"", "public static partial class Sets", "Set 'S': Accessibility 'protected' is for members of types others derive from, and 'Sets' is a static class; use public, internal or private")]
    [InlineData("\"private protected\"", "public partial struct Sets", "Set 'S': Accessibility 'private protected' is for members of types others derive from, and 'Sets' is a struct; use public, internal or private")]
    [InlineData("\"protected internal\"", "public sealed partial class Sets", "Set 'S': Accessibility 'protected internal' is for members of types others derive from, and 'Sets' is a sealed class; use public, internal or private")]
    public void RM0027_an_accessibility_the_constant_cannot_have_is_reported_at_the_argument_and_the_set_declares_nothing(string asked, string type, string message)
    {
        var run = Run($"[RegisterFile(8)] public enum R {{ A }}\n[RegisterSet(\"S\", R.A, Accessibility = {asked})]\n[RegisterSet(\"T\", R.A)] {type} {{ }}");
        Expect(run, "RM0027", DiagnosticSeverity.Error, asked, message);
        var sets = run.SetsSource("D.Sets");
        Assert.DoesNotContain(" S =", sets);
        Assert.Contains(" T =", sets);
        Assert.Empty(run.ErrorsOutsideUserSource());
    }

    /// <summary>A message quotes the user's source on one line, shortened: a register argument written over lines, say.</summary>
    [Fact]
    public void A_message_quotes_source_written_over_lines_on_one_line()
    {
        var run = Run("[RegisterFile(8)] public enum R { A }\n[RegisterSet(\"S\", R.A, (R)(\n    5 /* none */\n    + 0))] public static partial class C { }");
        Expect(run, "RM0005", DiagnosticSeverity.Error, null, "Set 'S' names '(R)( 5 + 0)' (value 5, held by no member), which is not a register of 'R'");
    }

    /// <summary>
    /// RM0028 and RM0029 come from the switch coverage analyzer alone, once each: the analyzer that resolves the
    /// sets reports nothing for a member's attribute, and a set's own error (RM0005 here) is not repeated by a
    /// member that covers it.
    /// </summary>
    [Fact]
    public void RM0028_and_RM0029_are_reported_once_by_the_coverage_analyzer_and_not_for_a_sets_own_error()
    {
        var run = Run("[RegisterFile(8)] public enum R { A, B }\n[RegisterSet(\"S\", R.A, R.B)][RegisterSet(\"BAD\", R.A, (R)7)] public static partial class C { }\n" +
            "public static class U\n{\n    [CoversRegisterSet(\"S\")] public static int F(R r) => r switch { R.A => 1, _ => 0 };\n" +
            "    [CoversRegisterSet(\"NOPE\")] public static int G(R r) => 0;\n    [CoversRegisterSet(\"BAD\")] public static int H(R r) => r switch { _ => 0 };\n}");
        Assert.Equal(new[] { "RM0005" }, run.RegisterMaskDiagnostics().Select(diagnostic => diagnostic.Id));
        var coverage = AnalyzerHarness.AnalyzeCoverage(run.Output).OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start).ToList();
        Assert.Equal(new[] { ("RM0028", 7), ("RM0029", 8) }, coverage.Select(diagnostic => (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1)));
        Assert.Equal("'U.F' covers set 'S', but this switch has no case for B", coverage[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static GeneratorRun Run(string declarations) => GeneratorHarness.Run(Header + declarations + Healthy);

    /// <summary>Asserts the run's only RM diagnostic is <paramref name="id"/>, where and as said.</summary>
    private static Diagnostic Expect(GeneratorRun run, string id, DiagnosticSeverity severity, string? at, string message)
    {
        var diagnostics = run.RegisterMaskDiagnostics();
        Assert.True(diagnostics.Count == 1, "Expected one RM diagnostic, got: " + string.Join("; ", diagnostics));
        var diagnostic = diagnostics[0];
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Input0.cs", diagnostic.Location.GetLineSpan().Path);
        if (at is not null)
        {
            AssertAt(run, diagnostic, at);
        }
        return diagnostic;
    }

    private static void AssertAt(GeneratorRun run, Diagnostic diagnostic, string text) => Assert.Equal(text, Text(run, diagnostic));

    private static string Text(GeneratorRun run, Diagnostic diagnostic)
    {
        var tree = run.Input.SyntaxTrees.Single(tree => tree.FilePath == diagnostic.Location.GetLineSpan().Path);
        return tree.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
    }

    private static void AssertHealthyEmitted(GeneratorRun run)
    {
        Assert.Contains("D.FineMask.g.cs", run.Sources.Keys);
        Assert.Contains("FINE_SET", run.SetsSource("D.FineSets"));
    }
}
