using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>
/// Register classes: the chosen members of any enum (one of another assembly included) get bits 0..n-1 of a
/// mask of their own; sets belong to a class by holder, by <c>RegisterFile = typeof(Holder)</c>, or by member.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class RegisterClassTests
{
    /// <summary>The x86 example of the contract: one enum, two classes sharing the values 0-15, a CALLEE_SAVED_WINDOWS set of each (also used by <see cref="CoversRegisterSetTests"/>).</summary>
    internal const string X86 = """
        using RegisterMasking;
        namespace Jit;
        public enum X86Register { Invalid = -1, Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, R8, R9, R10, R11, R12, R13, R14, R15,
                                  Xmm0 = 0, Xmm1, Xmm2, Xmm3, Xmm4, Xmm5, Xmm6, Xmm7, Xmm8, Xmm9, Xmm10, Xmm11, Xmm12, Xmm13, Xmm14, Xmm15 }

        [RegisterClass(typeof(X86Register), "X86GprMask", From = X86Register.Rax, To = X86Register.R15)]
        [RegisterSet("CALLEE_SAVED_WINDOWS", X86Register.Rbx, X86Register.Rbp, X86Register.Rdi, X86Register.Rsi, From = X86Register.R12, To = X86Register.R15)]
        public static partial class X86Gpr { }

        [RegisterClass(typeof(X86Register), "X86VecMask", From = X86Register.Xmm0, To = X86Register.Xmm15)]
        [RegisterSet("CALLEE_SAVED_WINDOWS", From = X86Register.Xmm6, To = X86Register.Xmm15)]
        public static partial class X86Vec { }
        """;

    [Fact]
    public void The_x86_example_two_classes_over_one_enum_sharing_values()
    {
        var probe = """
            namespace Jit;
            public static class Probe
            {
                public static bool VecSet() => X86Vec.CALLEE_SAVED_WINDOWS == (X86VecMask)0xFFC0;
                public static string VecNames() => X86Vec.CALLEE_SAVED_WINDOWS.ToStringFast();
                public static string GprNames() => X86Gpr.CALLEE_SAVED_WINDOWS.ToStringFast();
                public static ushort GprBits() => (ushort)X86Gpr.CALLEE_SAVED_WINDOWS;
                public static string Xmm6() => X86VecMask.Xmm6.ToStringFast();
                public static string Rcx() => X86Register.Rcx.ToX86GprMask().ToStringFast();
                public static bool Xmm6IsNotRsiInVec() => X86Register.Xmm6.ToX86VecMask() == X86VecMask.Xmm6 && X86Register.Rsi.ToX86GprMask() == X86GprMask.Rsi;
                public static string RoundTrip()
                {
                    var mask = X86GprMask.None.With(X86Register.Rbx).With(X86Register.R15).Without(X86Register.Rbx).With(X86Register.Rax);
                    var text = "";
                    foreach (var register in mask.Registers()) text += register + ";";
                    foreach (var register in mask.RegistersDescending()) text += register + ";";
                    X86Register lowest;
                    mask.TryGetLowest(out lowest);
                    X86Register highest;
                    mask.TryGetHighest(out highest);
                    return text + lowest + ";" + highest + ";" + mask.Contains(X86Register.R15) + mask.Contains(X86Register.Rbx) + mask.Contains(X86Register.Invalid) + ";" + mask.IndexOf(X86Register.R15);
                }
                public static string Pop()
                {
                    var mask = X86Vec.CALLEE_SAVED_WINDOWS;
                    var text = "";
                    X86Register register;
                    while (mask.TryPopLowest(out register)) text += register + ",";
                    return text;
                }
                public static bool ParseRoundTrip() => X86VecMaskExtensions.Parse("Xmm6, Xmm15") == (X86VecMask.Xmm6 | X86VecMask.Xmm15);
                public static bool InvalidIsNone() => X86Register.Invalid.ToX86GprMask() == X86GprMask.None && ((X86Register)99).ToX86VecMask() == X86VecMask.None;
            }
            """;
        var run = GeneratorHarness.Run(X86, probe);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal(true, assembly.Invoke("Jit.Probe", "VecSet"));
        Assert.Equal("Xmm6, Xmm7, Xmm8, Xmm9, Xmm10, Xmm11, Xmm12, Xmm13, Xmm14, Xmm15", assembly.Invoke("Jit.Probe", "VecNames"));
        Assert.Equal("Rbx, Rbp, Rsi, Rdi, R12, R13, R14, R15", assembly.Invoke("Jit.Probe", "GprNames"));
        Assert.Equal((ushort)0xF0E8, assembly.Invoke("Jit.Probe", "GprBits"));
        Assert.Equal("Xmm6", assembly.Invoke("Jit.Probe", "Xmm6"));
        Assert.Equal("Rcx", assembly.Invoke("Jit.Probe", "Rcx"));
        Assert.Equal(true, assembly.Invoke("Jit.Probe", "Xmm6IsNotRsiInVec"));
        // The enum's ToString() names a shared value by its own rule; the registers are the values 0 and 15.
        Assert.Equal("Rax;R15;R15;Rax;Rax;R15;TrueFalseFalse;1", ((string)assembly.Invoke("Jit.Probe", "RoundTrip")!).Replace("Xmm0", "Rax").Replace("Xmm15", "R15"));
        Assert.Equal(10, ((string)assembly.Invoke("Jit.Probe", "Pop")!).Split(',', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(true, assembly.Invoke("Jit.Probe", "ParseRoundTrip"));
        Assert.Equal(true, assembly.Invoke("Jit.Probe", "InvalidIsNone"));
        Assert.Contains("ToX86GprMask", run.Source("Jit.X86GprMask.g.cs"));
        // No ToMask extension (two classes of one enum would make it ambiguous); {Mask}Ops.ToMask is the interface's member, calling ToX86GprMask.
        Assert.DoesNotContain("ToMask(this ", run.Source("Jit.X86GprMask.g.cs"));
        Assert.Contains("ToMask(global::Jit.X86Register register) => global::Jit.X86GprMaskExtensions.ToX86GprMask(register);", run.Source("Jit.X86GprMask.g.cs"));
    }

    [Fact]
    public void A_foreign_enum_with_scattered_values_maps_by_table_in_the_order_listed()
    {
        var source = """
            using System;
            using RegisterMasking;
            namespace Keys;
            [RegisterClass(typeof(ConsoleKey), "NavKeyMask", Registers = new object[] { ConsoleKey.Enter, ConsoleKey.Tab, ConsoleKey.Escape, ConsoleKey.F1 })]
            [RegisterSet("CONFIRM", ConsoleKey.Enter, ConsoleKey.F1)]
            public static partial class NavKeys { }

            [RegisterClass(typeof(DayOfWeek), "DayMask", Exclude = new object[] { DayOfWeek.Sunday })]
            [RegisterSet("MIDWEEK", From = DayOfWeek.Tuesday, To = DayOfWeek.Thursday)]
            public static partial class Days { }

            public static class Probe
            {
                public static string Confirm() => NavKeys.CONFIRM.ToStringFast() + "=" + (byte)NavKeys.CONFIRM;
                public static string Escape() => ConsoleKey.Escape.ToNavKeyMask().ToStringFast() + "=" + (byte)ConsoleKey.Escape.ToNavKeyMask();
                public static bool Unknown() => ConsoleKey.A.ToNavKeyMask() == NavKeyMask.None && !NavKeyMask.All.Contains(ConsoleKey.B);
                public static string Listed()
                {
                    var text = "";
                    foreach (var key in NavKeyMask.All.Registers()) text += key + ",";
                    return text;
                }
                public static string Midweek() => Days.MIDWEEK.ToStringFast() + "=" + (byte)Days.MIDWEEK;
                public static string Monday() => DayOfWeek.Monday.ToDayMask().ToStringFast() + "=" + (byte)DayOfWeek.Monday.ToDayMask() + (DayOfWeek.Sunday.ToDayMask() == DayMask.None);
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal("Enter, F1=9", assembly.Invoke("Keys.Probe", "Confirm"));
        Assert.Equal("Escape=4", assembly.Invoke("Keys.Probe", "Escape"));
        Assert.Equal(true, assembly.Invoke("Keys.Probe", "Unknown"));
        Assert.Equal("Enter,Tab,Escape,F1,", assembly.Invoke("Keys.Probe", "Listed"));
        Assert.Equal("Tuesday, Wednesday, Thursday=14", assembly.Invoke("Keys.Probe", "Midweek"));
        Assert.Equal("Monday=1True", assembly.Invoke("Keys.Probe", "Monday"));
        // Scattered values: a switch and a table; Monday..Saturday run consecutively: a subtraction.
        Assert.Contains("switch (register)", run.Source("Keys.NavKeyMask.g.cs"));
        Assert.Contains("s_classRegisters[bit]", run.Source("Keys.NavKeyMask.g.cs"));
        Assert.DoesNotContain("switch (register)", run.Source("Keys.DayMask.g.cs"));
        Assert.Contains("unchecked((ulong)register - (ulong)global::System.DayOfWeek.Monday)", run.Source("Keys.DayMask.g.cs"));
    }

    [Fact]
    public void An_enum_of_a_referenced_assembly_needs_no_attribute()
    {
        var library = CSharpCompilation.Create("Disassembler",
            new[] { CSharpSyntaxTree.ParseText("namespace Dis { public enum Register { None = 0, EAX = 17, ECX = 18, EDX = 19, XMM0 = 100, XMM1 = 101, XMM2 = 105 } }") },
            Net80.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        Assert.True(library.Emit(stream).Success);
        var reference = MetadataReference.CreateFromImage(stream.ToArray());
        var source = """
            using Dis;
            using RegisterMasking;
            namespace Mine;
            [RegisterClass(typeof(Register), "GprMask", From = Register.EAX, To = Register.EDX)]
            [RegisterClass(typeof(Register), "VecMask", From = Register.XMM0, To = Register.XMM2)]
            public static partial class Classes { }
            [RegisterSet("SCRATCH", Register.EAX, Register.EDX)]
            [RegisterSet("VSCRATCH", Register.XMM2)]
            public static partial class Abi { }
            """;
        var input = GeneratorHarness.Compilation(new[] { source }, references: Net80.References.All.Append(reference));
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), input);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        // EAX and EDX are bits 0 and 2 of the GPR class; XMM2 (value 105) is bit 2 of the vector class.
        Assert.Contains("new Entry(\"SCRATCH\", \"Mine.Abi\", (global::Mine.GprMask)0x05)", run.Source("Mine.RegisterSets.g.cs"));
        Assert.Contains("new Entry(\"VSCRATCH\", \"Mine.Abi\", (global::Mine.VecMask)0x04)", run.Source("Mine.RegisterSets.g.cs"));
        Assert.Contains("unchecked((ulong)register - (ulong)global::Dis.Register.EAX)", run.Source("Mine.GprMask.g.cs"));
        Assert.Contains("case global::Dis.Register.XMM2: return 2UL;", run.Source("Mine.VecMask.g.cs"));
    }

    [Fact]
    public void A_class_wider_than_64_is_a_struct_mask()
    {
        var members = string.Join(", ", Enumerable.Range(0, 100).Select(i => $"R{i} = {i * 3 + 1}"));
        var source = $$"""
            using RegisterMasking;
            namespace Wide;
            public enum Big { {{members}} }
            [RegisterClass(typeof(Big), "BigMask")]
            [RegisterSet("EDGES", Big.R0, Big.R70, Big.R99)]
            public static partial class BigClass { }
            public static class Probe
            {
                public static string Edges() => BigClass.EDGES.ToStringFast();
                public static string Round()
                {
                    var text = "";
                    foreach (var register in BigClass.EDGES.With(Big.R64).Registers()) text += (int)register + ",";
                    return text + BigClass.EDGES.Contains(Big.R70) + BigClass.EDGES.Contains((Big)2) + BigMask.All.Count() + BigClass.EDGES.IndexOf(Big.R99);
                }
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        Assert.Contains("readonly partial struct BigMask", run.Source("Wide.BigMask.g.cs"));
        var assembly = run.Load();
        Assert.Equal("R0, R70, R99", assembly.Invoke("Wide.Probe", "Edges"));
        Assert.Equal("1,193,211,298,TrueFalse1002", assembly.Invoke("Wide.Probe", "Round"));
    }

    [Fact]
    public void Sets_belong_to_a_class_by_holder_by_RegisterFile_or_by_member()
    {
        var source = X86 + """

            [RegisterSet("ARGS", X86Register.Rcx, X86Register.Rdx)]
            [RegisterSet("VARGS", X86Register.Xmm0, X86Register.Xmm6)]
            [RegisterSet("BY_HOLDER", X86Register.Xmm3, RegisterFile = typeof(X86Vec))]
            [RegisterSet("EVERY_VEC", Include = new[] { "All" }, RegisterFile = typeof(X86Vec))]
            public static partial class Abi { }

            [RegisterCache(typeof(X86Gpr), ValueType = typeof(ulong))]
            public sealed partial class Gprs
            {
                partial void LoadRegister(X86Register register, ref ulong value) { value = (ulong)register + 100; }
            }

            public static class Probe
            {
                public static string All() => Abi.ARGS.ToStringFast() + "|" + Abi.VARGS.ToStringFast() + "|" + Abi.BY_HOLDER.ToStringFast() + "|" + Abi.EVERY_VEC.Count();
                public static string Cache()
                {
                    var cache = new Gprs();
                    cache.Write(X86Register.R15, 7);
                    return cache.Read(X86Register.R15) + "," + cache.Read(X86Register.Rcx) + "," + cache.Dirty.ToStringFast();
                }
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        // VARGS names Xmm6, whose value is Rsi's: by member it is the vector class's.
        Assert.Equal("Rcx, Rdx|Xmm0, Xmm6|Xmm3|16", assembly.Invoke("Jit.Probe", "All"));
        Assert.Equal("7,101,R15", assembly.Invoke("Jit.Probe", "Cache"));
    }

    [Fact]
    public void A_set_whose_members_two_classes_hold_asks_for_RegisterFile()
    {
        var source = """
            using RegisterMasking;
            namespace N;
            public enum R { A, B, C, D }
            [RegisterClass(typeof(R), "LowMask", From = R.A, To = R.C)]
            [RegisterClass(typeof(R), "HighMask", From = R.B, To = R.D)]
            public static partial class Classes { }
            [RegisterSet("BOTH", R.B)]
            [RegisterSet("NONE", R.A, R.D)]
            [RegisterSet("PICKED", R.B, RegisterFile = typeof(Classes))]
            public static partial class Sets { }
            """;
        var run = GeneratorHarness.Run(source);
        var diagnostics = run.RegisterMaskDiagnostics();
        Assert.Collection(diagnostics,
            d => { Assert.Equal("RM0006", d.Id); Assert.Equal("Set 'BOTH': every register it names is in each of HighMask, LowMask; add RegisterFile = typeof(...) naming the holder of one", d.GetMessage()); Assert.Equal("RegisterSet", Text(d)); },
            d => { Assert.Equal("RM0006", d.Id); Assert.Contains("no register class of enum 'N.R' holds every register it names (classes: HighMask, LowMask)", d.GetMessage()); },
            d => { Assert.Equal("RM0006", d.Id); Assert.Contains("Set 'PICKED': every register it names is in each of HighMask, LowMask", d.GetMessage()); });
        Assert.Empty(run.ErrorsOutsideUserSource());
    }

    /// <summary>
    /// An enum that is a register file and has a class too: a set on the class's holder is the class's; a set
    /// elsewhere naming only members the class holds could be either, and RM0006 asks; naming the enum
    /// (or a member only the file holds) makes it the file's.
    /// </summary>
    [Fact]
    public void A_set_a_register_file_and_a_class_could_both_hold_asks_for_RegisterFile()
    {
        var source = """
            using RegisterMasking;
            namespace N;
            [RegisterFile(16)]
            public enum R { A, B, V0, V1, V2 }
            [RegisterClass(typeof(R), "VecMask", From = R.V0, To = R.V2)]
            [RegisterSet("ON_HOLDER", R.V1, R.V2)]
            public static partial class Vec { }
            [RegisterSet("EITHER", R.V0)]
            [RegisterSet("FILE_BY_NAME", R.V0, RegisterFile = typeof(R))]
            [RegisterSet("FILE_BY_MEMBER", R.A, R.V0)]
            public static partial class Sets { }
            public static class Probe
            {
                public static string Run() => Vec.ON_HOLDER.ToStringFast() + "=" + ((uint)Vec.ON_HOLDER).ToString() + ";" + Sets.FILE_BY_NAME.ToStringFast() + ";" + Sets.FILE_BY_MEMBER.ToStringFast();
            }
            """;
        var run = GeneratorHarness.Run(source);
        var diagnostic = Assert.Single(run.RegisterMaskDiagnostics());
        Assert.Equal("RM0006", diagnostic.Id);
        Assert.Equal("Set 'EITHER': every register it names is in register file 'N.R' and in register class VecMask; add RegisterFile = typeof(...) naming the enum or the class's holder", diagnostic.GetMessage());
        Assert.Equal("RegisterSet", Text(diagnostic));
        Assert.DoesNotContain("EITHER", run.SetsSource("N.Sets"));
        var withoutTheAmbiguousSet = GeneratorHarness.Run(source.Replace("[RegisterSet(\"EITHER\", R.V0)]\n", ""));
        Assert.Empty(withoutTheAmbiguousSet.RegisterMaskDiagnostics());
        // The holder's set has the class's bits 1 and 2; the file's sets have the file's bits (V0 is bit 2 of R).
        Assert.Equal("V1, V2=6;V0;A, V0", withoutTheAmbiguousSet.Load(cleanly: true).Invoke("N.Probe", "Run"));
    }

    /// <summary>Found by the robustness corpus: a holder with two classes of one mask name, the first broken, crashed the resolver.</summary>
    [Fact]
    public void A_second_class_of_the_same_mask_name_is_reported_and_its_sets_still_resolve()
    {
        var source = RegisterClassTests.X86.Replace(
            "[RegisterClass(typeof(X86Register), \"X86GprMask\", From = X86Register.Rax, To = X86Register.R15)]",
            "[RegisterClass(typeof(X86Register), \"X86GprMask\", From = X86RegisterRax, To = X86Register.R15)]\n[RegisterClass(typeof(X86Register), \"X86GprMask\", From = X86Register.Rax, To = X86Register.R15)]");
        Assert.NotEqual(RegisterClassTests.X86, source);
        var run = GeneratorHarness.Run(source);
        Assert.Contains(run.RegisterMaskDiagnostics(), diagnostic => diagnostic.Id == "RM0010" && diagnostic.GetMessage().Contains("X86GprMask", StringComparison.Ordinal));
        Assert.Contains("CALLEE_SAVED_WINDOWS", run.SetsSource("Jit.X86Vec"));
        Assert.Empty(run.ErrorsOutsideUserSource());
    }

    [Fact]
    public void Each_class_mistake_is_reported_at_its_argument()
    {
        var source = """
            using RegisterMasking;
            namespace N;
            public enum R { None, A, B, C = 2, D }
            public enum Other { X }
            public enum Ten { T0, T1, T2, T3, T4, T5, T6, T7, T8, T9 }
            [RegisterClass(typeof(Ten), "TenMask", Width = 8)]
            public static partial class TenHolder { }
            [RegisterClass(typeof(R), "SharedMask", Exclude = new object[] { R.None })]
            [RegisterClass(typeof(R), "BackMask", From = R.D, To = R.A)]
            [RegisterClass(typeof(R), "MixedMask", Registers = new object[] { R.A, Other.X, 3, R.A })]
            [RegisterClass(typeof(R), "ExclMask", From = R.A, To = R.B, Exclude = new object[] { R.D })]
            [RegisterClass(typeof(R), "NarrowMask", From = R.A, To = R.D, Exclude = new object[] { R.C }, Width = 2)]
            [RegisterClass(typeof(R), "Bad Name", From = R.A, To = R.B)]
            [RegisterClass(typeof(int), "IntMask")]
            public static partial class Holder { }
            public static class NotPartialHolder { }
            [RegisterClass(typeof(R), "LoneMask", From = R.A, To = R.B)]
            public static class Lone { }
            """;
        var run = GeneratorHarness.Run(source);
        var found = run.RegisterMaskDiagnostics().Select(d => $"{d.Id} {Text(d)}: {d.GetMessage()}").ToList();
        Assert.Equal(new[]
        {
            "RM0032 8: Register class 'TenMask' holds 10 registers, which do not fit width 8; remove the Width or make it at least 16",
            "RM0030 RegisterClass(typeof(R), \"SharedMask\", Exclude = new object[] { R.None }): Register class 'SharedMask': 'C' has value 2, which 'B' of the class has too; a class's registers need distinct values (mark one [RegisterAlias] if it is meant)",
            "RM0031 R.D: Register class 'BackMask': From D is declared after To A in enum 'R'; a class's range runs in declaration order",
            "RM0031 Other.X: Register class 'MixedMask': 'Other.X' is a member of enum 'N.Other', not of 'R'",
            "RM0031 3: Register class 'MixedMask': '3', a number, is not a member of enum 'R'",
            "RM0031 R.A: Register class 'MixedMask': Registers names 'A' twice; each member has one bit",
            "RM0031 R.D: Register class 'ExclMask': Exclude names 'R.D', which the class does not hold",
            "RM0003 2: Register file 'NarrowMask' has width 2; supported widths are 8, 16, 32, 64, and multiples of 64 up to 1024",
            "RM0010 \"Bad Name\": Mask name 'Bad Name' of register file 'Bad Name' is not a valid C# identifier",
            "RM0031 typeof(int): Register class 'IntMask': 'int' is not an enum; pass typeof(TheRegisterEnum)",
            "RM0011 Lone: Type 'Lone' must be declared partial, because it declares a register class",
        }, found);
        Assert.Empty(run.ErrorsOutsideUserSource());
    }

    [Fact]
    public void Sets_naming_members_outside_their_class_or_an_enum_with_no_class()
    {
        var source = X86 + """

            public enum Plain { P, Q }
            [RegisterSet("OUTSIDE", X86Register.R8, RegisterFile = typeof(X86Vec))]
            [RegisterSet("PLAIN", Plain.P)]
            [RegisterSet("BACKWARDS", From = X86Register.Xmm9, To = X86Register.Xmm2)]
            public static partial class Sets { }
            """;
        var run = GeneratorHarness.Run(source);
        var found = run.RegisterMaskDiagnostics().Select(d => $"{d.Id} {Text(d)}: {d.GetMessage()}").ToList();
        Assert.Equal(new[]
        {
            "RM0005 X86Register.R8: Set 'OUTSIDE' names 'R8', which is not a register of class 'X86VecMask'",
            "RM0006 Plain.P: Set 'PLAIN': enum 'Jit.Plain' of 'Plain.P' has no [RegisterFile]; annotate it, or name the set's file with RegisterFile = typeof(...)",
            "RM0005 X86Register.Xmm9: Set 'BACKWARDS' names a range From Xmm9 To Xmm2 that runs backwards in class 'X86VecMask' (bits 9 to 2)",
        }, found);
        Assert.Empty(run.ErrorsOutsideUserSource());
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7_3)]
    [InlineData(LanguageVersion.Latest)]
    public void Classes_compile_cleanly_from_CSharp_7_3_on_netstandard2_0_to_the_latest(LanguageVersion version)
    {
        var options = new CSharpParseOptions(version);
        var source = X86.Replace("namespace Jit;", "namespace Jit {") + "\n}\n" + """
            namespace Keys
            {
                [RegisterClass(typeof(System.ConsoleKey), "KeyMask", Registers = new object[] { System.ConsoleKey.Enter, System.ConsoleKey.Tab })]
                [RegisterSet("ENTER", System.ConsoleKey.Enter, Ordered = true)]
                public static partial class K { }
            }
            """;
        var references = version == LanguageVersion.CSharp7_3 ? NetStandard20.References.All : Net80.References.All;
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(options), GeneratorHarness.Compilation(new[] { source }, options, references: references));
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
    }

    [Fact]
    public void Bits_past_a_class_cast_from_a_number_read_on_from_its_last_register_and_never_throw()
    {
        var source = """
            using System.Linq;
            using RegisterMasking;
            namespace Past;
            public enum R : short { A = 10, B = 20, C = 30, D = 31, E = 32 }
            [RegisterClass(typeof(R), "TableMask", Registers = new object[] { R.C, R.A, R.B })]
            [RegisterClass(typeof(R), "RunMask", From = R.C, To = R.E)]
            public static partial class Classes { }
            public static class Probe
            {
                private static string Read(System.Collections.Generic.IEnumerable<R> registers) => string.Join(",", registers.Select(r => (int)r));
                public static string Table()
                {
                    var mask = (TableMask)0b1010_0101;   // bits 0 and 2, then 5 and 7: past the three registers
                    mask.TryGetHighest(out var highest);
                    var popped = mask;
                    var pops = "";
                    while (popped.TryPopLowest(out var r)) pops += (int)r + ",";
                    return Read(mask.Registers()) + "|" + Read(mask.RegistersDescending()) + "|" + (int)highest + "|" + pops + "|"
                        + string.Join(",", mask.Pairs().Select(p => (int)p.First + ":" + (int)p.Second)) + "|" + mask.Count() + mask.Contains((R)23);
                }
                public static string Run() => Read(((RunMask)0b1001_0001).Registers());
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.RegisterMaskDiagnostics());
        var assembly = run.Load(cleanly: true);
        // Table: bit 0 is C (30), bit 2 is B (20); bit 5 reads as B's value + 3 (23), bit 7 as + 5 (25), as consecutive values would run on.
        Assert.Equal("30,20,23,25|25,23,20,30|25|30,20,23,25,|30:20,23:25|4False", assembly.Invoke("Past.Probe", "Table"));
        // Consecutive: C + bit, as before.
        Assert.Equal("30,34,37", assembly.Invoke("Past.Probe", "Run"));
    }

    [Theory]
    [InlineData("byte", 0)]
    [InlineData("sbyte", -128)]
    public void A_class_of_every_value_of_a_byte_enum_in_scrambled_order_compiles_cleanly(string underlying, int first)
    {
        // 256 values, none other left: the value-to-bit switch's default would be unreachable code (CS0162, an error with warnings as errors).
        var values = Enumerable.Range(first, 256).Select(value => (value * 37 % 256 + 256) % 256 + first).ToList();
        Assert.Equal(256, values.Distinct().Count());
        var members = string.Join(", ", values.Select(value => $"V{value - first} = {value}"));
        var source = $$"""
            using RegisterMasking;
            namespace Every;
            public enum Small : {{underlying}} { {{members}} }
            [RegisterClass(typeof(Small), "SmallMask")]
            public static partial class Holder { }
            public static class Probe
            {
                public static string Bits()
                {
                    var text = "";
                    for (int value = {{first}}; value < {{first + 256}}; value++) text += SmallMask.All.IndexOf((Small)value) + (((Small)value).ToSmallMask().Contains((Small)value) ? "," : "!,");
                    return text;
                }
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.RegisterMaskDiagnostics());
        var assembly = run.Load(cleanly: true);
        // Bit i is the i-th member declared; every value is one of them.
        var expected = string.Concat(Enumerable.Range(first, 256).Select(value => values.IndexOf(value) + ","));
        Assert.Equal(expected, assembly.Invoke("Every.Probe", "Bits"));
        Assert.Contains("default: return 255UL;", run.Source("Every.SmallMask.g.cs"));
        Assert.DoesNotContain("ulong.MaxValue", run.Source("Every.SmallMask.g.cs").Split("internal static ulong BitOf")[1].Split("RegisterAt")[0]);
    }

    [Fact]
    public void Files_keep_ToMask_and_their_text()
    {
        var run = GeneratorHarness.Run("using RegisterMasking;\nnamespace F;\n[RegisterFile(8)] public enum E { A, B }");
        var text = run.Source("F.EMask.g.cs");
        Assert.Contains("public static global::F.EMask ToMask(this global::F.E register)", text);
        Assert.DoesNotContain("BitOf", text);
        Assert.Contains("register = (global::F.E)TrailingZeroCount(bits);", text);
    }

    private static string Text(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
