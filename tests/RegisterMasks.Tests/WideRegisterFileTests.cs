using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// Register files wider than 64 bits: the mask is a readonly struct over 64-bit words, with the
/// enum mask's members, operators, and set values as static readonly fields.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class WideRegisterFileTests
{
    [Theory]
    [InlineData(128)]
    [InlineData(192)]
    [InlineData(1024)]
    public void Every_member_agrees_with_a_word_array_model_on_random_masks(int width)
    {
        var run = GeneratorHarness.Run(TestInputs.WidthFile(width), TestInputs.AliasedFile(width), "using Aliased;\n" + WideProbe.For($"Reg{width}", $"Reg{width}Mask", width));
        run.AssertCompilesCleanly();
        var seed = 5000 + width;
        var mismatch = (string)run.Load().Invoke("WideProbe", "Check", seed, 1500)!;
        Assert.True(mismatch.Length == 0, $"width {width}, seed {seed}: {mismatch}");
    }

    [Fact]
    public void Sets_catalog_and_cache_of_a_wide_file()
    {
        var source = """
            using RegisterMasking;
            namespace W;
            [RegisterFile(128)] public enum X { A = 0, B = 63, C = 64, D = 127, [NotARegister] COUNT = 128 }
            [RegisterSet("EDGES", X.A, X.D)] [RegisterSet("MID", From = X.B, To = X.C)] [RegisterSet("ALL_BUT_A", Include = new[] { "All" }, Exclude = new object[] { X.A })]
            [RegisterSet("ALSO_MID", X.C, X.B)]
            public static partial class Sets { }
            [RegisterSetsDisjoint("EDGES", "MID")]
            public static class Checks { }

            public static class Values
            {
                public static string Edges() => Sets.EDGES.ToStringFast();
                public static string Mid() => Sets.MID.ToString();
                public static string AllButA() => Sets.ALL_BUT_A.ToStringFast();
                public static string Catalog() => string.Join("; ", System.Linq.Enumerable.Select(XMaskSets.All, e => e.Name + "=" + e.Mask));
                public static string NamesOfMid() => string.Join(",", XMaskSets.NameOf(XMask.B | XMask.C));
                public static bool IsStaticReadonly() => typeof(Sets).GetField("EDGES")!.IsInitOnly;
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal("A, D", assembly.Invoke("W.Values", "Edges"));
        Assert.Equal("B, C", assembly.Invoke("W.Values", "Mid"));
        Assert.Equal("B, C, D", assembly.Invoke("W.Values", "AllButA"));
        Assert.Equal("ALL_BUT_A=B, C, D; ALSO_MID=B, C; EDGES=A, D; MID=B, C", assembly.Invoke("W.Values", "Catalog"));
        Assert.Equal("ALSO_MID,MID", assembly.Invoke("W.Values", "NamesOfMid"));
        Assert.Equal(true, assembly.Invoke("W.Values", "IsStaticReadonly"));
    }

    /// <summary>Debuggers show a struct mask as its registers' names, as they show an enum mask: a promise of the contract.</summary>
    [Fact]
    public void A_struct_mask_shows_its_registers_in_the_debugger()
    {
        var run = GeneratorHarness.Run("using RegisterMasking;\nnamespace W;\n[RegisterFile(128)] public enum X { A = 0, D = 127 }");
        var mask = run.Load(cleanly: true).GetType("W.XMask", throwOnError: true)!;
        var display = Assert.Single(mask.GetCustomAttributes(typeof(System.Diagnostics.DebuggerDisplayAttribute), inherit: false).Cast<System.Diagnostics.DebuggerDisplayAttribute>());
        Assert.Equal("{ToString(),nq}", display.Value);
        var all = mask.GetField("All")!.GetValue(null)!;
        Assert.Equal("All", all.ToString()); // what the expression shows
    }

    /// <summary>
    /// A value cast from a number that names no register (a gap, a [NotARegister] value, past the width, negative)
    /// never enters a struct mask: ToMask is None, With leaves the mask as it was, and no member throws.
    /// </summary>
    [Fact]
    public void A_value_that_names_no_register_never_enters_a_struct_mask()
    {
        var source = """
            using RegisterMasking;
            using System.Linq;
            namespace W;
            [RegisterFile(128)] public enum X { A = 0, [NotARegister] HOLE = 3, B = 64, D = 127, [NotARegister] COUNT = 128 }

            public static class Values
            {
                public static string Text() => string.Join(" / ", new[] { 3, 2, 65, 128, 131, 192, -1, -64, int.MinValue, 64 }.Select(value =>
                {
                    var mask = ((X)value).ToMask();
                    var with = XMask.A.With((X)value);
                    return mask.ToStringFast() + " " + mask + " " + XMask.All.Contains((X)value) + " " + with + " " + XMask.All.Without((X)value).Count() + " " + with.Count();
                }));
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        const string none = "None None False A 3 1";
        Assert.Equal(string.Join(" / ", Enumerable.Repeat(none, 9).Append("B B True A, B 2 2")), run.Load().Invoke("W.Values", "Text"));
    }

    [Fact]
    public void RM0001_and_RM0014_adapt_to_wide_files()
    {
        var run = GeneratorHarness.Run("""
            using RegisterMasking;
            namespace W;
            [RegisterFile(128)] public enum X { A = 0, FAR = 128 }
            [RegisterFile(192)] public enum Y { P = 100, Q = 191 }
            [RegisterSet("PQ", Y.P, Y.Q)] [RegisterSet("Q_ONLY", Y.Q)] public static partial class Sets { }
            [RegisterSetsDisjoint("PQ", "Q_ONLY")] public static class Checks { }
            """);
        var diagnostics = run.RegisterMaskDiagnostics();
        Assert.Equal(new[] { "RM0001", "RM0014" }, diagnostics.Select(d => d.Id));
        Assert.Equal("Register 'FAR' has index 128, which does not fit register file 'X' of width 128 (indices 0 to 127)", diagnostics[0].GetMessage());
        Assert.Equal("Sets 'PQ' and 'Q_ONLY' must be disjoint, but both hold Q", diagnostics[1].GetMessage());
    }

    [Fact]
    public void The_samples_x86_64_file_needs_a_wide_mask_and_holds_its_ABI_invariants()
    {
        var probe = """
            using KvmSample;
            public static class Values
            {
                public static string Counts() => $"{X86RegMask.All.Count()} {SysV.CALLER_SAVED.Count()} {SysV.CALLEE_SAVED.Count()} {SysV.AVX512_STATE.Count()}";
                public static string Spill() => ((X86RegMask.RBX | X86RegMask.RSI | X86RegMask.ZMM3) & SysV.CALLER_SAVED).ToStringFast();
            }
            """;
        var run = GeneratorHarness.Run(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "sample", "X86Reg.cs")), probe);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal("72 57 6 40", assembly.Invoke("Values", "Counts"));
        Assert.Equal("RSI, ZMM3", assembly.Invoke("Values", "Spill"));
    }

    /// <summary>
    /// README promises the struct mask answers as the enum mask does: 64 registers declared at
    /// width 64 (an enum) and at width 128 (a struct) give the same answers on random values.
    /// </summary>
    [Fact]
    public void A_wide_mask_answers_like_an_enum_mask_on_the_same_registers()
    {
        var registers = string.Join(", ", Enumerable.Range(0, 64).Select(i => $"R{i}"));
        var source = $$"""
            using RegisterMasking;
            using System.Linq;
            namespace Same;
            [RegisterFile(64)] public enum Narrow { {{registers}} }
            [RegisterFile(128)] public enum Wide { {{registers}} }

            public static class Compare
            {
                public static string Run(int seed, int count)
                {
                    var random = new System.Random(seed);
                    for (int n = 0; n < count; n++)
                    {
                        NarrowMask a = NarrowMask.None, b = NarrowMask.None;
                        WideMask wa = WideMask.None, wb = WideMask.None;
                        int take = random.Next(65);
                        for (int i = 0; i < take; i++) { int r = random.Next(64); a = a.With((Narrow)r); wa = wa.With((Wide)r); }
                        take = random.Next(65);
                        for (int i = 0; i < take; i++) { int r = random.Next(64); b = b.With((Narrow)r); wb = wb.With((Wide)r); }
                        int probe = random.Next(64);
                        string at = $"seed {seed} case {n}: ";

                        if (a.ToStringFast() != wa.ToStringFast()) return at + $"ToStringFast '{a.ToStringFast()}' vs '{wa.ToStringFast()}'";
                        if (a.Count() != wa.Count()) return at + "Count";
                        if (a.Contains((Narrow)probe) != wa.Contains((Wide)probe)) return at + "Contains";
                        if (a.Without((Narrow)probe).ToStringFast() != wa.Without((Wide)probe).ToStringFast()) return at + "Without";
                        if (a.Complement().ToStringFast() != wa.Complement().ToStringFast()) return at + "Complement";
                        if ((a | b).ToStringFast() != (wa | wb).ToStringFast()) return at + "|";
                        if ((a & b).ToStringFast() != (wa & wb).ToStringFast()) return at + "&";
                        if ((a ^ b).ToStringFast() != (wa ^ wb).ToStringFast()) return at + "^";
                        if (a.IsSubsetOf(b) != wa.IsSubsetOf(wb) || a.Overlaps(b) != wa.Overlaps(wb) || (a == b) != (wa == wb)) return at + "relations";
                        if (!a.Registers().Select(r => (int)r).SequenceEqual(wa.Registers().Select(r => (int)r))) return at + "Registers";
                        if (!NarrowMaskExtensions.TryParse(wa.ToStringFast(), out var parsed) || parsed != a) return at + "TryParse across";
                        if (!WideMaskExtensions.TryParse(a.ToStringFast(), out var wideParsed) || wideParsed != wa) return at + "TryParse across (wide)";
                    }
                    return "";
                }
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        Assert.Equal("", run.Load().Invoke("Same.Compare", "Run", 6464, 3000));
    }
}
