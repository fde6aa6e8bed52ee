using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Generator.Emitting;
using RegisterMasks.Shared;
using RegisterMasks.Tests.Infrastructure;
using Xunit;

namespace RegisterMasks.Tests;

/// <summary>The generated code, compiled with the user's code and run: values and every extension member.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class GeneratedCodeBehaviourTests
{
    private const int RandomValuesPerWidth = 5000;

    public static TheoryData<int> Widths => new() { 8, 16, 32, 64 };

    [Theory]
    [MemberData(nameof(Widths))]
    public void ToStringFast_equals_Enum_ToString_on_random_values(int width) =>
        AssertProbeAgrees("CheckToStringFast", width, seed: 1000 + width);

    [Theory]
    [MemberData(nameof(Widths))]
    public void Extension_members_agree_with_plain_bit_arithmetic(int width) =>
        AssertProbeAgrees("CheckOperations", width, seed: 2000 + width);

    [Theory]
    [MemberData(nameof(Widths))]
    public void TryParse_round_trips_ToStringFast_on_random_values(int width) =>
        AssertProbeAgrees("CheckTryParseRoundTrip", width, seed: 3000 + width);

    [Theory]
    [MemberData(nameof(Widths))]
    public void Register_cache_keeps_Dirty_within_Available_over_random_operations(int width) =>
        AssertProbeAgrees("CheckCache", width, seed: 4000 + width);

    [Theory]
    [InlineData(8)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(128)]
    public void Register_cache_values_load_and_store_as_a_model_of_KVM_says_over_random_operations(int width)
    {
        foreach (var (source, ns) in new[] { (TestInputs.WidthFile(width), "Widths"), (TestInputs.AliasedFile(width), "Aliased") })
        {
            var assembly = CompileWithCacheProbe(source, ns, width);
            var mismatch = (string)assembly.Invoke("CacheProbe", "Check", 5000 + width, 2000)!;
            Assert.True(mismatch.Length == 0, $"{ns}, width {width}: {mismatch}");
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(128)]
    public void Register_cache_Read_and_Write_allocate_nothing(int width)
    {
        var assembly = CompileWithCacheProbe(TestInputs.WidthFile(width), "Widths", width);
        Assert.Equal(0L, assembly.Invoke("CacheProbe", "AllocatedByReadAndWrite"));
    }

    [Theory]
    [InlineData(" R0 | R1 ", true, 0b11UL)]
    [InlineData("R1, R0", true, 0b11UL)]
    [InlineData("None", true, 0UL)]
    [InlineData("All", true, 0x810BUL)]
    [InlineData("0x3", true, 0b11UL)]
    [InlineData("0X8000", true, 0x8000UL)]
    [InlineData("4", true, 4UL)]                 // a decimal number, as ToStringFast prints undefined bits
    [InlineData("0x4", false, 0UL)]              // hex is checked against All: bit 2 is no register
    [InlineData("0x00000000000000000003", true, 3UL)]  // leading zeros past 16 digits, as ulong.TryParse reads them
    [InlineData("0x10000000000000000", false, 0UL)]    // past 64 bits
    [InlineData("18446744073709551616", false, 0UL)]   // decimal past 64 bits
    [InlineData("65536", false, 0UL)]            // past the width
    [InlineData("", false, 0UL)]
    [InlineData("R0,,R1", false, 0UL)]
    [InlineData("r0", false, 0UL)]               // names are case-sensitive, as Enum.TryParse's default
    [InlineData("R0 R1", false, 0UL)]
    [InlineData("-1", false, 0UL)]               // Enum.TryParse: an overflow
    [InlineData("+3", true, 3UL)]                // a sign, as Enum.TryParse reads it
    [InlineData("-0", true, 0UL)]
    [InlineData("+ 3", false, 0UL)]
    [InlineData("\u00A0 3\t\r\n", true, 3UL)]  // any white space before a number, ASCII white space after it
    [InlineData("0\u00A0", false, 0UL)]          // but not a no-break space after it, as in Enum
    [InlineData("3 \0\0", true, 3UL)]           // NULs at the very end, as in Enum
    [InlineData("3\0 ", false, 0UL)]
    [InlineData("\u3000R0\u00A0,\u2029R1\u0085", true, 0b11UL)] // any white space around a name
    [InlineData("R0, 4", true, 5UL)]             // beyond Enum: a number in a list
    [InlineData("R0, 0x8", true, 9UL)]           // and hex in a list
    [InlineData("COUNT", false, 0UL)]            // a [NotARegister] value is no mask member
    public void TryParse_accepts_the_documented_forms_only(string text, bool accepted, ulong expected)
    {
        foreach (var parser in s_parsers)
        {
            Assert.Equal(accepted ? expected.ToString(System.Globalization.CultureInfo.InvariantCulture) : "rejected", parser.Value.Invoke("Parse", "Run", text));
        }
    }

    /// <summary>
    /// The 16-bit mask's TryParse, compiled once for all the rows above (each row only calls it):
    /// where the target has spans, TryParse reads spans (its own number parsing too); netstandard2.0 has none, and reads strings.
    /// </summary>
    private static readonly Lazy<System.Reflection.Assembly>[] s_parsers =
        new[] { Basic.Reference.Assemblies.Net80.References.All, Basic.Reference.Assemblies.NetStandard20.References.All }
            .Select(references => new Lazy<System.Reflection.Assembly>(() =>
            {
                const string Probe = """
                    public static class Parse
                    {
                        public static string Run(string text) => Widths.Reg16MaskExtensions.TryParse(text, out var mask) ? ((ushort)mask).ToString() : "rejected";
                    }
                    """;
                var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Compilation(new[] { TestInputs.WidthFile(16), Probe }, references: references));
                run.AssertCompilesCleanly();
                return run.Load();
            }))
            .ToArray();

    [Theory]
    [InlineData(16)]
    [InlineData(128)]
    public void Parse_returns_what_TryParse_reads_and_throws_what_Enum_Parse_throws(int width)
    {
        var probe = $$"""
            public static class Parse
            {
                public static string Run(string text)
                {
                    try
                    {
                        return Widths.Reg{{width}}MaskExtensions.Parse(text).Equals(Widths.Reg{{width}}MaskExtensions.TryParse(text, out var expected) ? expected : default) ? "same" : "differs";
                    }
                    catch (System.ArgumentNullException) { return "null"; }
                    catch (System.ArgumentException e) { return e.ParamName + ": " + e.Message; }
                    catch (System.OverflowException e) { return "overflow: " + e.Message; }
                }
            }
            """;
        var run = GeneratorHarness.Run(TestInputs.WidthFile(width), probe);
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal("same", assembly.Invoke("Parse", "Run", "R0 | R1"));
        Assert.Equal("same", assembly.Invoke("Parse", "Run", "None"));
        Assert.Equal("null", assembly.Invoke("Parse", "Run", new object[] { null! }));
        Assert.StartsWith($"text: 'R0 | nope' is not a Reg{width}Mask: register names joined by", (string)assembly.Invoke("Parse", "Run", "R0 | nope")!, StringComparison.Ordinal);
        Assert.Equal("same", assembly.Invoke("Parse", "Run", "+3"));
        Assert.StartsWith("text: The text is empty or white space", (string)assembly.Invoke("Parse", "Run", " \u00A0")!, StringComparison.Ordinal);
        // One number past the width is an overflow, as Enum.Parse says of 256 for a byte enum; a negative one too.
        var pastWidth = (System.Numerics.BigInteger.One << width).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var range = width == 16 ? "0 to 65535" : "0 to 2^128 - 1";
        Assert.Equal($"overflow: '{pastWidth}' is outside the range of Reg{width}Mask, whose numbers are {range}.", assembly.Invoke("Parse", "Run", pastWidth));
        Assert.Equal($"overflow: ' -1 ' is outside the range of Reg{width}Mask, whose numbers are {range}.", assembly.Invoke("Parse", "Run", " -1 "));
        // Not one number: no overflow, whatever its parts hold.
        Assert.StartsWith($"text: 'R0, {pastWidth}' is not a Reg{width}Mask", (string)assembly.Invoke("Parse", "Run", $"R0, {pastWidth}")!, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMask_of_a_value_that_names_no_register_is_None_and_never_the_bit_a_shift_wraps_to()
    {
        var probe = """
            using Widths;
            public static class Values
            {
                // 40 and 48 wrap to bits 8 and 16 (RHALF) in a 32-bit shift; 2 is a gap; 32 is the sentinel COUNT; -1 and int.MaxValue are no index.
                public static string Text() => string.Join(" / ", new[] { 40, 2, 32, -1, int.MaxValue, 48, 16, 3 }.Select(value =>
                    ((Reg32)value).ToMask().ToStringFast() + " " + Reg32Mask.All.Contains((Reg32)value) + " " + Reg32Mask.None.With((Reg32)value).ToStringFast()
                    + " " + (Reg32Mask.All.Without((Reg32)value) == Reg32Mask.All)));
            }
            """;
        var run = GeneratorHarness.Run(TestInputs.WidthFile(32), "using System.Linq;\n" + probe);
        run.AssertCompilesCleanly();
        Assert.Equal(
            "None False None True / None False None True / None False None True / None False None True / None False None True / None False None True / RHALF True RHALF False / R3 True R3 False",
            run.Load().Invoke("Values", "Text"));
    }

    [Theory]
    [InlineData("public enum R { }", "")]
    [InlineData("public enum R { [NotARegister] COUNT = 3 }", "")]
    [InlineData("public enum R : long { A = 0, B = 7 }", "0 7")]          // a value past 2^32 must not wrap onto a register
    [InlineData("public enum R : byte { A = 1, B = 2, C = 3 }", "1 2 3")]
    public void Odd_register_files_compile_cleanly_and_map_only_their_registers(string file, string registers)
    {
        var values = new long[] { -1, 0, 1, 2, 3, 7, 8, 64, 65, 4294967296L + 1 };
        var indices = registers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        // What (R)value is, as C# converts a long to the enum's underlying type.
        Func<long, long> asEnum = file.Contains(": long", StringComparison.Ordinal) ? value => value : file.Contains(": byte", StringComparison.Ordinal) ? value => unchecked((byte)value) : value => unchecked((int)value);
        var expected = string.Join(",", values.Select(value => indices.Contains(asEnum(value)) ? "1+" : "0")) + " All All"; // with no register, All is 0: Enum.ToString() names 0 by All, declared last
        foreach (var width in new[] { 8, 64, 128 })
        {
            var source = $"using RegisterMasking;\nusing System.Linq;\n[RegisterFile({width})]\n{file}\n" + """
                public static class Values
                {
                    public static string Text() => string.Join(",", new long[] { -1, 0, 1, 2, 3, 7, 8, 64, 65, 4294967296L + 1 }.Select(value =>
                        ((R)value).ToMask().Count().ToString() + (RMask.All.Contains((R)value) ? "+" : "")))
                        + " " + RMask.All.ToStringFast() + " " + RMaskExtensions.Parse("All").ToStringFast();
                }
                """;
            var run = GeneratorHarness.Run(source);
            run.AssertCompilesCleanly();
            Assert.Equal(expected, run.Load().Invoke("Values", "Text"));
        }
    }

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(128)]
    public void TryParse_over_a_span_allocates_nothing_and_reads_what_the_string_overload_reads(int width)
    {
        var mask = $"Widths.Reg{width}Mask";
        var probe = $$"""
            public static class Parse
            {
                public static string Agree()
                {
                    foreach (var text in new[] { "R0, R1", " TOP | R3 ", "None", "All", "0x1", "0x0000000000000000000000000000000009", "R0,,R1", "r0", "0x", "1" })
                    {
                        bool fromString = Widths.Reg{{width}}MaskExtensions.TryParse(text, out var a);
                        bool fromSpan = Widths.Reg{{width}}MaskExtensions.TryParse(System.MemoryExtensions.AsSpan(text), out var b);
                        if (fromString != fromSpan || !a.Equals(b)) return text;
                    }
                    return "";
                }

                public static long Allocated()
                {
                    var text = "R0, R1 | R3, TOP";
                    {{mask}} sink = default;
                    Widths.Reg{{width}}MaskExtensions.TryParse(text, out sink);
                    long before = System.GC.GetAllocatedBytesForCurrentThread();
                    for (int i = 0; i < 1000; i++)
                    {
                        if (!Widths.Reg{{width}}MaskExtensions.TryParse(text, out sink)) return -1;
                        if (!Widths.Reg{{width}}MaskExtensions.TryParse(System.MemoryExtensions.AsSpan(text, 4), out sink)) return -2;
                    }
                    return System.GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }
            """;
        var run = GeneratorHarness.Run(TestInputs.WidthFile(width), probe);
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal("", assembly.Invoke("Parse", "Agree"));
        Assert.Equal(0L, assembly.Invoke("Parse", "Allocated"));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Registers_enumerates_without_allocating(int width)
    {
        var assembly = CompileWithProbe(TestInputs.WidthFile(width), "Widths", width);
        var allocated = (long)assembly.Invoke("Probe", "AllocatedByRegisters", ulong.MaxValue >> (64 - width))!;
        Assert.Equal(0, allocated);
    }

    /// <summary>
    /// A prologue's two questions, for an enum mask and a struct mask alike: where a register goes in a save
    /// area packed in ascending order (<c>IndexOf</c>, -1 for one the mask lacks) and which registers a
    /// paired store takes together (<c>Pairs</c>, the last alone for an odd count).
    /// </summary>
    [Theory]
    [InlineData(32)]
    [InlineData(128)]
    public void IndexOf_is_a_registers_slot_in_a_packed_save_area_and_Pairs_takes_the_registers_two_at_a_time(int width)
    {
        var probe = $$"""
            using System.Linq;
            using Widths;
            public static class Values
            {
                static readonly Reg{{width}}Mask Saved = Reg{{width}}.R0.ToMask() | Reg{{width}}.R3.ToMask() | Reg{{width}}.TOP.ToMask();
                public static string Slots() => string.Join(" ", new[] { Reg{{width}}.R0, Reg{{width}}.R3, Reg{{width}}.TOP, Reg{{width}}.R1 }.Select(r => Saved.IndexOf(r)));
                public static string Pairs(int count) => string.Join(" ", Saved.With(Reg{{width}}.R1).Registers().Take(count).Aggregate(Reg{{width}}Mask.None, (m, r) => m.With(r)).Pairs()
                    .Select(p => p.HasSecond ? "(" + p.First + "," + p.Second + ")" : "(" + p.First + ")"));
                public static int Empty() => Reg{{width}}Mask.None.Pairs().Count() + Reg{{width}}Mask.None.IndexOf(Reg{{width}}.R0) * 10;
            }
            """;
        var run = GeneratorHarness.Run(TestInputs.WidthFile(width), probe);
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal("0 1 2 -1", assembly.Invoke("Values", "Slots"));
        Assert.Equal("(R0,R1) (R3,TOP)", assembly.Invoke("Values", "Pairs", 4));
        Assert.Equal("(R0,R1) (R3)", assembly.Invoke("Values", "Pairs", 3));
        Assert.Equal(-10, assembly.Invoke("Values", "Empty"));
    }

    /// <summary>
    /// One generic spill loop (pop each live register, find its slot in the packed save area) through <c>{Mask}Ops</c>, run
    /// over an enum mask and a struct mask, gives what the same loop written for each concrete mask gives; and every member
    /// of <c>IRegisterMaskOps</c> answers as the mask's own member does.
    /// </summary>
    [Fact]
    public void A_generic_spill_loop_through_Ops_serves_an_enum_mask_and_a_struct_mask_as_the_concrete_code_does()
    {
        const string probe = """
            using System.Collections.Generic;
            using RegisterMasking;
            using Widths;
            public static class Spilling
            {
                static string Spill<TOps, TMask, TReg>(TMask live) where TOps : IRegisterMaskOps<TMask, TReg> where TMask : struct where TReg : struct
                {
                    var slots = new List<string>();
                    var rest = live;
                    while (TOps.TryPopLowest(ref rest, out var register))
                    {
                        slots.Add(register + "@" + TOps.IndexOf(live, register));
                    }
                    return string.Join(" ", slots) + " | " + TOps.Count(live) + " " + TOps.IsEmpty(rest) + " " + TOps.ToStringFast(live);
                }

                static string Algebra<TOps, TMask, TReg>(TReg a, TReg b) where TOps : IRegisterMaskOps<TMask, TReg> where TMask : struct where TReg : struct
                {
                    var m = TOps.With(TOps.ToMask(a), b);
                    return string.Join(";", TOps.ToStringFast(m), TOps.Contains(m, a), TOps.Contains(TOps.None, a), TOps.ToStringFast(TOps.Without(m, a)),
                        TOps.ToStringFast(TOps.Union(TOps.ToMask(a), TOps.ToMask(b))), TOps.ToStringFast(TOps.Intersect(m, TOps.ToMask(b))),
                        TOps.ToStringFast(TOps.Except(TOps.All, m)), TOps.Count(TOps.All), TOps.IsEmpty(TOps.None), TOps.IndexOf(m, b), TOps.IndexOf(TOps.None, b));
                }

                static string Spill32(Reg32Mask live)
                {
                    var slots = new List<string>();
                    var rest = live;
                    while (rest.TryPopLowest(out var register))
                    {
                        slots.Add(register + "@" + live.IndexOf(register));
                    }
                    return string.Join(" ", slots) + " | " + live.Count() + " " + rest.IsEmpty() + " " + live.ToStringFast();
                }

                static string Spill128(Reg128Mask live)
                {
                    var slots = new List<string>();
                    var rest = live;
                    while (rest.TryPopLowest(out var register))
                    {
                        slots.Add(register + "@" + live.IndexOf(register));
                    }
                    return string.Join(" ", slots) + " | " + live.Count() + " " + rest.IsEmpty() + " " + live.ToStringFast();
                }

                static string Algebra32(Reg32 a, Reg32 b)
                {
                    var m = a.ToMask().With(b);
                    return string.Join(";", m.ToStringFast(), m.Contains(a), Reg32Mask.None.Contains(a), m.Without(a).ToStringFast(), (a.ToMask() | b.ToMask()).ToStringFast(),
                        (m & b.ToMask()).ToStringFast(), (Reg32Mask.All & ~m).ToStringFast(), Reg32Mask.All.Count(), Reg32Mask.None.IsEmpty(), m.IndexOf(b), Reg32Mask.None.IndexOf(b));
                }

                static string Algebra128(Reg128 a, Reg128 b)
                {
                    var m = a.ToMask().With(b);
                    return string.Join(";", m.ToStringFast(), m.Contains(a), Reg128Mask.None.Contains(a), m.Without(a).ToStringFast(), (a.ToMask() | b.ToMask()).ToStringFast(),
                        (m & b.ToMask()).ToStringFast(), (~m).ToStringFast(), Reg128Mask.All.Count(), Reg128Mask.None.IsEmpty(), m.IndexOf(b), Reg128Mask.None.IndexOf(b));
                }

                public static string Check()
                {
                    var failures = new List<string>();
                    foreach (var live in new[] { Reg32Mask.None, Reg32Mask.All, Reg32Mask.R1 | Reg32Mask.TOP, Reg32Mask.R0 | Reg32Mask.R3 | Reg32Mask.RHALF })
                    {
                        if (Spill<Reg32MaskOps, Reg32Mask, Reg32>(live) != Spill32(live)) failures.Add("32: " + Spill<Reg32MaskOps, Reg32Mask, Reg32>(live) + " != " + Spill32(live));
                    }
                    foreach (var live in new[] { Reg128Mask.None, Reg128Mask.All, Reg128Mask.R1 | Reg128Mask.TOP, Reg128Mask.R0 | Reg128Mask.R3 | Reg128Mask.RHALF })
                    {
                        if (Spill<Reg128MaskOps, Reg128Mask, Reg128>(live) != Spill128(live)) failures.Add("128: " + Spill<Reg128MaskOps, Reg128Mask, Reg128>(live) + " != " + Spill128(live));
                    }
                    foreach (var (a, b) in new[] { (Reg32.R0, Reg32.TOP), (Reg32.R3, Reg32.R1), (Reg32.COUNT, Reg32.R1), ((Reg32)2, Reg32.R3) })
                    {
                        if (Algebra<Reg32MaskOps, Reg32Mask, Reg32>(a, b) != Algebra32(a, b)) failures.Add("32: " + Algebra<Reg32MaskOps, Reg32Mask, Reg32>(a, b) + " != " + Algebra32(a, b));
                    }
                    foreach (var (a, b) in new[] { (Reg128.R0, Reg128.TOP), (Reg128.R3, Reg128.R1), (Reg128.COUNT, Reg128.R1), ((Reg128)2, Reg128.RHALF) })
                    {
                        if (Algebra<Reg128MaskOps, Reg128Mask, Reg128>(a, b) != Algebra128(a, b)) failures.Add("128: " + Algebra<Reg128MaskOps, Reg128Mask, Reg128>(a, b) + " != " + Algebra128(a, b));
                    }
                    return string.Join("\n", failures);
                }

                public static string Spilled() => Spill<Reg32MaskOps, Reg32Mask, Reg32>(Reg32Mask.R1 | Reg32Mask.R3 | Reg32Mask.TOP)
                    + " / " + Spill<Reg128MaskOps, Reg128Mask, Reg128>(Reg128Mask.R0 | Reg128Mask.RHALF | Reg128Mask.TOP);

                public static string Algebra() => Algebra<Reg128MaskOps, Reg128Mask, Reg128>(Reg128.R3, Reg128.TOP);
            }
            """;
        var run = GeneratorHarness.Run(TestInputs.WidthFile(32), TestInputs.WidthFile(128), probe);
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal("", assembly.Invoke("Spilling", "Check"));
        Assert.Equal("R1@0 R3@1 TOP@2 | 3 True R1, R3, TOP / R0@0 RHALF@1 TOP@2 | 3 True R0, RHALF, TOP", assembly.Invoke("Spilling", "Spilled"));
        Assert.Equal("R3, TOP;True;False;TOP;R3, TOP;TOP;R0, R1, RHALF;5;True;1;-1", assembly.Invoke("Spilling", "Algebra"));
    }

    /// <summary>
    /// From C# 14 (here <c>preview</c>, C# 14 to the Roslyn the tests build with), <c>Parse</c>, <c>TryParse</c> and the
    /// <c>FromBits</c> trio are reachable on the mask type, and still on <c>{Mask}Extensions</c>, each declared once: the
    /// extensions class has one method of each signature. Before C# 14 the mask type has none of them.
    /// </summary>
    [Fact]
    public void From_CSharp_14_Parse_TryParse_and_FromBits_are_on_the_mask_type_as_well_as_on_the_extensions()
    {
        const string probe = """
            using Widths;
            public static class OnTheType
            {
                public static string Check()
                {
                    Reg32Mask parsed = Reg32Mask.Parse("R0, R3");
                    // With out var, System.Enum's own TryParse<TEnum> cannot infer TEnum, so ours is the one that applies;
                    // with a typed out variable, C# binds Enum's, a real (inherited) member, which reads no '|'.
                    bool read = Reg32Mask.TryParse("r0 | top", true, out var ignoringCase);
                    bool enumRead = Reg32Mask.TryParse("r0 | top", true, out Reg32Mask enumReading);
                    bool spanRead = Reg32Mask.TryParse(System.MemoryExtensions.AsSpan("RHALF"), out Reg32Mask fromSpan);
                    Reg32Mask fromBits = Reg32Mask.FromBits(0x3u);
                    bool tried = Reg32Mask.TryFromBits(0x4u, out Reg32Mask none);
                    Reg32Mask truncated = Reg32Mask.FromBitsTruncate(0x5u);
                    Reg128Mask wide = Reg128Mask.Parse("r1, TOP", true);
                    bool wideRead = Reg128Mask.TryParse("R3", out Reg128Mask wideR3);
                    return string.Join(";", parsed == Reg32MaskExtensions.Parse("R0, R3"), parsed.ToStringFast(), read, ignoringCase.ToStringFast(), enumRead, enumReading.ToStringFast(), spanRead, fromSpan.ToStringFast(),
                        fromBits.ToStringFast(), tried, none.ToStringFast(), truncated.ToStringFast(), wide.ToStringFast(), wideRead, wideR3.ToStringFast(),
                        Reg32MaskExtensions.FromBits(0x3u) == fromBits, Reg128MaskExtensions.Parse("R1, TOP") == wide);
                }
            }
            """;
        var preview = new CSharpParseOptions(LanguageVersion.Preview);
        var run = GeneratorHarness.Run(new[] { TestInputs.WidthFile(32), TestInputs.WidthFile(128), probe }, preview);
        Assert.Contains("extension(global::Widths.Reg32Mask)", run.Source("Widths.Reg32Mask.g.cs"));
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal("True;R0, R3;True;R0, TOP;False;None;True;RHALF;R0, R1;False;None;R0;R1, TOP;True;R3;True;True", assembly.Invoke("OnTheType", "Check"));

        // Each member is declared once: the extensions class holds one static method per signature, which the block's member is.
        var extensions = assembly.GetType("Widths.Reg32MaskExtensions", throwOnError: true)!;
        foreach (var name in new[] { "Parse", "TryParse", "FromBits", "TryFromBits", "FromBitsTruncate" })
        {
            var signatures = extensions.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Where(method => method.Name == name)
                .Select(method => string.Join(",", method.GetParameters().Select(parameter => parameter.ParameterType.Name))).ToList();
            Assert.Equal(signatures.Distinct().Count(), signatures.Count);
            Assert.NotEmpty(signatures);
        }

        // Below C# 14: no extension block, and the mask type has no Parse of its own.
        var csharp13 = GeneratorHarness.Run(new[] { TestInputs.WidthFile(32), TestInputs.WidthFile(128), probe }, new CSharpParseOptions(LanguageVersion.CSharp13));
        Assert.DoesNotContain("extension(", csharp13.Source("Widths.Reg32Mask.g.cs"));
        Assert.DoesNotContain("extension(", csharp13.Source("Widths.Reg128Mask.g.cs"));
        Assert.Contains(csharp13.CompilationDiagnostics, diagnostic => diagnostic.Id == "CS0117" && diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("Reg32Mask", StringComparison.Ordinal));
    }

    /// <summary>
    /// The C# 14 output is the C# 13 output with the static members moved, as they are, into extension blocks: nothing else
    /// differs, so that below C# 14 the output is what it was.
    /// </summary>
    [Theory]
    [InlineData(32)]
    [InlineData(128)]
    public void The_CSharp_14_output_differs_from_the_CSharp_13_output_only_by_its_extension_blocks(int width)
    {
        var hint = $"Widths.Reg{width}Mask.g.cs";
        var csharp13 = GeneratorHarness.Run(new[] { TestInputs.WidthFile(width) }, new CSharpParseOptions(LanguageVersion.CSharp13)).Source(hint);
        var csharp14 = GeneratorHarness.Run(new[] { TestInputs.WidthFile(width) }, new CSharpParseOptions(LanguageVersion.Preview)).Source(hint);
        Assert.Equal(width > 64 ? 1 : 2, System.Text.RegularExpressions.Regex.Matches(csharp14, @"^        extension\(", System.Text.RegularExpressions.RegexOptions.Multiline).Count);

        // Take each block out: its summary, its header, its braces, and one level of indentation of what it holds.
        var lines = csharp14.Split('\n').ToList();
        var flattened = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("        extension(", StringComparison.Ordinal))
            {
                flattened.RemoveAt(flattened.Count - 1); // the block's summary
                i += 2;                                  // the header and its brace
                for (; lines[i] != "        }"; i++)
                {
                    flattened.Add(lines[i].Length == 0 ? "" : lines[i][4..]);
                }
                continue;
            }
            flattened.Add(lines[i]);
        }
        Assert.Equal(csharp13, string.Join("\n", flattened));
    }

    [Fact]
    public void Kvm_sample_constants_have_the_values_KVM_declares()
    {
        var probe = """
            using KvmSample;
            public static class Values
            {
                public static uint Tdx() => (uint)KvmSample.Tdx.TDX_REGS_AVAIL_SET;
                public static uint Vmx() => (uint)KvmSample.Vmx.VMX_REGS_LAZY_LOAD_SET;
                public static uint Svm() => (uint)KvmSample.Svm.SVM_REGS_LAZY_LOAD_SET;
                public static uint All() => (uint)VcpuRegMask.All;
                public static string Text() => KvmSample.Svm.SVM_REGS_LAZY_LOAD_SET.ToStringFast();
            }
            """;
        var run = GeneratorHarness.Run(RepositoryFiles.KvmSampleInputs().Append(probe).ToArray());
        run.AssertCompilesCleanly();
        var assembly = run.Load();

        Assert.Equal(0x0180FFEFu, assembly.Invoke("Values", "Tdx"));      // KVM's TDX_REGS_AVAIL_SET: every GPR but RSP, EXIT_INFO_1 and _2
        Assert.Equal(0x01FF0010u, assembly.Invoke("Values", "Vmx"));      // RIP, RSP and every EXREG
        Assert.Equal(1u << 17, assembly.Invoke("Values", "Svm"));         // PDPTR, which the sentinel NR_VCPU_REGS shares
        Assert.Equal(0x01FFFFFFu, assembly.Invoke("Values", "All"));      // 25 registers, not the sentinel
        Assert.Equal("VCPU_EXREG_PDPTR", assembly.Invoke("Values", "Text"));
    }

    [Fact]
    public void Set_constants_are_real_consts_usable_in_switch_attributes_and_other_consts()
    {
        var usage = """
            using KvmSample;
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class MaskAttribute : System.Attribute
            {
                public MaskAttribute(VcpuRegMask mask) { Mask = mask; }
                public VcpuRegMask Mask { get; }
            }

            [Mask(Tdx.TDX_REGS_AVAIL_SET | Svm.SVM_REGS_LAZY_LOAD_SET)]
            public static class Uses
            {
                public const VcpuRegMask Lazy = Vmx.VMX_REGS_LAZY_LOAD_SET | Svm.SVM_REGS_LAZY_LOAD_SET;

                public static string Name(VcpuRegMask mask)
                {
                    switch (mask)
                    {
                        case Tdx.TDX_REGS_AVAIL_SET: return "tdx";
                        case Lazy: return "lazy";
                        default: return "other";
                    }
                }

                public static uint FromAttribute() =>
                    (uint)((MaskAttribute)System.Attribute.GetCustomAttribute(typeof(Uses), typeof(MaskAttribute))!).Mask;
            }
            """;
        var run = GeneratorHarness.Run(RepositoryFiles.KvmSampleInputs().Append(usage).ToArray());
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal("tdx", assembly.Invoke("Uses", "Name", ParseMask(assembly, "TDX_REGS_AVAIL_SET")));
        Assert.Equal(0x0180FFEFu | (1u << 17), assembly.Invoke("Uses", "FromAttribute"));
    }

    [Fact]
    public void Set_algebra_follows_includes_across_types_in_any_order_ranges_and_excludes()
    {
        // Declared so that every include points at a set declared later, on another type.
        var source = """
            using RegisterMasking;
            namespace Algebra;

            [RegisterSet("DERIVED", R.R9, Include = new[] { "BASE", "RANGE" }, Exclude = new object[] { R.R1, R.R5 })]
            [RegisterSet("EVERYTHING_BUT_R0", Include = new[] { "All" }, Exclude = new object[] { R.R0 }, RegisterFile = typeof(R))]
            public static partial class First { }

            [RegisterSet("BASE", R.R0, R.R1)]
            [RegisterSet("RANGE", From = R.R4, To = R.R6)]
            [RegisterSet("ONLY_INCLUDES", Include = new[] { nameof(First.DERIVED), nameof(BASE) }, RegisterFile = typeof(R))]
            public static partial class Second { }

            [RegisterFile(16)]
            public enum R { R0, R1, R2, R3, R4, R5, R6, R7, R8, R9 }

            public static class Values
            {
                public static ushort Derived() => (ushort)First.DERIVED;
                public static ushort AllButR0() => (ushort)First.EVERYTHING_BUT_R0;
                public static ushort Range() => (ushort)Second.RANGE;
                public static ushort OnlyIncludes() => (ushort)Second.ONLY_INCLUDES;
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal((ushort)0b10_0101_0001, assembly.Invoke("Algebra.Values", "Derived"));     // {0,1}+{4,5,6}+{9} - {1,5}
        Assert.Equal((ushort)0b11_1111_1110, assembly.Invoke("Algebra.Values", "AllButR0"));
        Assert.Equal((ushort)0b00_0111_0000, assembly.Invoke("Algebra.Values", "Range"));
        Assert.Equal((ushort)0b10_0101_0011, assembly.Invoke("Algebra.Values", "OnlyIncludes")); // DERIVED + BASE puts R1 back
    }

    [Fact]
    public void Nested_generic_record_containers_global_and_file_scoped_namespaces_and_internal_enums_work()
    {
        var fileScoped = """
            using RegisterMasking;
            namespace Shapes.FileScoped;

            [RegisterFile(8, MaskName = "HiddenSet")]
            internal enum Hidden { H0, H1, H2 }

            public static partial class Outer<T> where T : struct
            {
                internal partial struct Middle
                {
                    [RegisterSet("BOTH", Hidden.H0, Hidden.H2)]
                    internal partial record Inner;
                }
            }

            public partial class Holder
            {
                public static partial class Nested
                {
                    [RegisterFile(8)]
                    public enum NestedReg { N0, N1 }
                }

                [RegisterSet("N1_ONLY", Nested.NestedReg.N1)]
                internal partial record struct Pair;
            }
            """;
        var globalNamespace = """
            using RegisterMasking;

            [RegisterFile(32)]
            public enum GlobalReg { G0, G1, G31 = 31 }

            [RegisterSet("EDGES", GlobalReg.G0, GlobalReg.G31)]
            public partial class GlobalSets { }

            public static class Values
            {
                public static byte Both() => (byte)Shapes.FileScoped.Outer<int>.Middle.Inner.BOTH;
                public static byte N1() => (byte)Shapes.FileScoped.Holder.Pair.N1_ONLY;
                public static uint Edges() => (uint)GlobalSets.EDGES;
                public static string Text() => GlobalSets.EDGES.ToStringFast();
            }
            """;
        var run = GeneratorHarness.Run(fileScoped, globalNamespace);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal((byte)0b101, assembly.Invoke("Values", "Both"));
        Assert.Equal((byte)0b10, assembly.Invoke("Values", "N1"));
        Assert.Equal(0x80000001u, assembly.Invoke("Values", "Edges"));
        Assert.Equal("G0, G31", assembly.Invoke("Values", "Text"));
        Assert.False(assembly.GetType("Shapes.FileScoped.HiddenSet")!.IsPublic); // internal enum, internal mask
        Assert.True(assembly.GetType("Shapes.FileScoped.NestedRegMask")!.IsPublic);
    }

    [Fact]
    public void The_set_catalog_lists_every_set_by_name_and_names_masks()
    {
        var source = """
            using RegisterMasking;
            using System.Linq;
            namespace Catalog;

            [RegisterFile(16)] public enum R { A, B, C }
            [RegisterSet("BOTH", R.A, R.B)] [RegisterSet("ALSO_BOTH", Include = new[] { "BOTH" }, RegisterFile = typeof(R))]
            public static partial class First { }
            public static partial class Outer<T> { [RegisterSet("C_ONLY", R.C)] private static partial class Hidden { } }

            public static class Values
            {
                public static string Listing() => string.Join("; ", RMaskSets.All.Select(e => $"{e.Name}@{e.DeclaringType}={(ushort)e.Mask}"));
                public static string Both() => string.Join(",", RMaskSets.NameOf(First.BOTH));
                public static int NoneNamed() => RMaskSets.NameOf(RMask.A).Count;
            }
            """;
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal("ALSO_BOTH@Catalog.First=3; BOTH@Catalog.First=3; C_ONLY@Catalog.Outer<T>.Hidden=4", assembly.Invoke("Catalog.Values", "Listing"));
        Assert.Equal("ALSO_BOTH,BOTH", assembly.Invoke("Catalog.Values", "Both"));
        Assert.Equal(0, assembly.Invoke("Catalog.Values", "NoneNamed"));
    }

    [Theory]
    [InlineData(32)]
    [InlineData(128)]
    public void A_register_alias_shares_the_bit_and_the_register_it_aliases_names_it(int width)
    {
        var source = $$"""
            using RegisterMasking;
            namespace Alias
            {
                [RegisterFile({{width}})]
                public enum Reg
                {
                    [RegisterAlias] EARLY = 3,   // declared before the register it aliases
                    RAX = 0,
                    RIP = 3,
                    CR3 = 11,
                    [RegisterAlias] ERAPS = 11,  // KVM's: dirtying CR3 dirties ERAPS
                }

                [RegisterSet("WITH_ERAPS", Reg.RAX, Reg.ERAPS)]
                public static partial class Sets { }
            }
            """;
        var probe = """
            using System.Linq;
            using Alias;
            public static class Values
            {
                public static string Text() => string.Join(" / ", RegMask.All.ToStringFast(), Reg.ERAPS.ToMask().ToStringFast(), Reg.EARLY.ToMask().ToStringFast(),
                    Reg.CR3.ToMask().ToString(), Sets.WITH_ERAPS.ToStringFast(), string.Join(",", RegMask.All.Registers().Select(r => (int)r)),
                    string.Join(",", RegMaskSets.NameOf(Sets.WITH_ERAPS)), (Reg.ERAPS.ToMask() == Reg.CR3.ToMask()).ToString());
            }
            """;
        var run = GeneratorHarness.Run(source, probe);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        Assert.Equal(
            "All / CR3 / RIP / CR3 / RAX, CR3 / 0,3,11 / WITH_ERAPS / True",
            run.Load().Invoke("Values", "Text"));

        var nothingAliased = GeneratorHarness.Run(source.Replace("[RegisterAlias] ERAPS = 11", "[RegisterAlias] ERAPS = 12"), probe);
        var error = Assert.Single(nothingAliased.RegisterMaskDiagnostics());
        Assert.Equal(("RM0020", "ERAPS"), (error.Id, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[1]));
    }

    [Theory]
    [InlineData(false, "System.ReadOnlySpan`1")]
    [InlineData(true, "System.Collections.Generic.IReadOnlyList`1")]
    public void An_ordered_set_lists_its_registers_in_the_order_written(bool netStandard20, string orderType)
    {
        var source = """
            using RegisterMasking;
            namespace Order
            {
                [RegisterFile(16)]
                public enum Reg { A, B, C, D, E, F, G }

                [RegisterSet("SAVED", Reg.F, Reg.B, Ordered = true)]
                [RegisterSet("PLAIN", Reg.E, Reg.A)]
                [RegisterSet("SAVE_LIST", Reg.D, Reg.C, From = Reg.A, To = Reg.B,
                    Include = new[] { "SAVED", "PLAIN", "All" }, Exclude = new object[] { Reg.C }, Ordered = true)]
                public static partial class Abi { }
            }
            """;
        var probe = """
            using System.Linq;
            public static class Values
            {
                public static string Text() => string.Join(",", Order.Abi.SAVE_LIST_ORDER.ToArray()) + " / " + string.Join(",", Order.Abi.SAVED_ORDER.ToArray());
                public static string Type() => typeof(Order.Abi).GetProperty("SAVE_LIST_ORDER")!.PropertyType.GetGenericTypeDefinition().FullName!;
            }
            """;
        var references = netStandard20 ? Basic.Reference.Assemblies.NetStandard20.References.All : Basic.Reference.Assemblies.Net80.References.All;
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Compilation(new[] { source, probe }, references: references));
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        // Listed (D; C is excluded), the range (A, B), SAVED in its order (F; B placed already), PLAIN ascending (E), then All (G).
        Assert.Equal("D,A,B,F,E,G / F,B", assembly.Invoke("Values", "Text"));
        Assert.Equal(orderType, assembly.Invoke("Values", "Type"));
    }

    [Fact]
    public void A_JSON_converter_is_attached_only_where_System_Text_Json_is_referenced_and_its_name_is_free()
    {
        const string file = "namespace J { [RegisterMasking.RegisterFile(8)] public enum R { A, B } }";
        const string own = "namespace J { public sealed class RMaskJsonConverter { } }";
        GeneratorRun RunOn(IEnumerable<Microsoft.CodeAnalysis.MetadataReference> references, params string[] sources) =>
            GeneratorHarness.Run(GeneratorHarness.CreateDriver(), GeneratorHarness.Compilation(sources, references: references));
        var net80 = Basic.Reference.Assemblies.Net80.References.All;
        var netStandard20 = Basic.Reference.Assemblies.NetStandard20.References.All;

        Assert.Contains("class RMaskJsonConverter", RunOn(net80, file).Source("J.RMask.g.cs"));
        Assert.DoesNotContain("JsonConverter", RunOn(netStandard20, file).Source("J.RMask.g.cs"));

        // A type of the user's with the name keeps it: no converter of ours, and RM0010 where JSON is referenced.
        var taken = RunOn(net80, file, own);
        Assert.DoesNotContain("JsonConverter", taken.Source("J.RMask.g.cs"));
        Assert.Equal("RM0010", Assert.Single(taken.RegisterMaskDiagnostics()).Id);
        var free = RunOn(netStandard20, file, own);
        Assert.Empty(free.RegisterMaskDiagnostics());
        free.AssertCompilesCleanly();
    }

    /// <summary>
    /// Dictionary keys need <c>ReadAsPropertyName</c> and <c>WriteAsPropertyName</c>, which System.Text.Json has from 6.0 on:
    /// against a System.Text.Json without them (made here, as 5.0 had it) the converter is generated without them and compiles.
    /// </summary>
    [Fact]
    public void The_JSON_converter_writes_dictionary_keys_only_where_System_Text_Json_can()
    {
        const string file = "namespace J { [RegisterMasking.RegisterFile(8)] public enum R { A, B } [RegisterMasking.RegisterFile(128)] public enum W { A, B } }";
        var net80 = Basic.Reference.Assemblies.Net80.References.All.ToList();
        var withoutJson = net80.Where(reference => !reference.Display!.StartsWith("System.Text.Json", StringComparison.Ordinal)).ToList();
        Assert.Equal(net80.Count - 1, withoutJson.Count);
        var jsonWithoutKeys = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "System.Text.Json",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(JsonWithoutPropertyNames) },
            withoutJson,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(jsonWithoutKeys.Emit(image).Success);
        var old = withoutJson.Append(Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray())).ToList();

        foreach (var (references, keys) in new[] { (net80, true), (old, false) })
        {
            var input = GeneratorHarness.Compilation(new[] { file }, references: references);
            Assert.Equal(keys, RegisterMasks.Generator.Emitting.TargetFeatures.Of(input).HasJsonPropertyNames);
            var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), input);
            run.AssertCompilesCleanly();
            foreach (var mask in new[] { "J.RMask.g.cs", "J.WMask.g.cs" })
            {
                Assert.Contains("JsonConverter<", run.Source(mask), StringComparison.Ordinal);
                Assert.Equal(keys, run.Source(mask).Contains("override global::J." + mask.Split('.')[1] + " ReadAsPropertyName(", StringComparison.Ordinal));
                Assert.Equal(keys, run.Source(mask).Contains("override void WriteAsPropertyName(", StringComparison.Ordinal));
            }
        }
    }

    /// <summary>System.Text.Json's converter API as it was before 6.0 (no property names), as much as our converter uses.</summary>
    private const string JsonWithoutPropertyNames = """
        namespace System.Text.Json
        {
            public enum JsonTokenType : byte { None, StartObject, EndObject, StartArray, EndArray, PropertyName, Comment, String, Number, True, False, Null }
            public sealed class JsonSerializerOptions { }
            public class JsonException : Exception { public JsonException(string message) : base(message) { } }
            public ref struct Utf8JsonReader
            {
                public JsonTokenType TokenType => default;
                public bool HasValueSequence => false;
                public System.Buffers.ReadOnlySequence<byte> ValueSequence => default;
                public ReadOnlySpan<byte> ValueSpan => default;
                public bool Read() => false;
                public string GetString() => null;
            }
            public sealed class Utf8JsonWriter
            {
                public void WriteStartArray() { }
                public void WriteEndArray() { }
                public void WriteStringValue(string value) { }
            }
        }
        namespace System.Text.Json.Serialization
        {
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Property | AttributeTargets.Field)]
            public class JsonConverterAttribute : Attribute { public JsonConverterAttribute(Type converterType) { } }
            public abstract class JsonConverter { internal JsonConverter() { } }
            public abstract class JsonConverter<T> : JsonConverter
            {
                protected internal JsonConverter() { }
                public abstract T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options);
                public abstract void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options);
            }
        }
        """;

    /// <summary>From C# 8 the generated files say <c>#nullable enable</c> and annotate what may be null; C# 7.3 has neither and compiles clean.</summary>
    [Fact]
    public void Generated_code_carries_nullable_annotations_from_CSharp_8_on()
    {
        var sources = new[] { TestInputs.WidthFile(32), TestInputs.WidthFile(128) };
        var latest = GeneratorHarness.Run(sources);
        latest.AssertCompilesCleanly();
        Assert.All(latest.GeneratedCode.Where(source => !source.Key.Contains("RegisterCache", StringComparison.Ordinal)),
            source => Assert.Contains("\n#nullable enable\n", source.Value.Replace("\r\n", "\n"), StringComparison.Ordinal));
        var assembly = latest.Load();
        var nullability = new System.Reflection.NullabilityInfoContext();
        foreach (var width in new[] { 32, 128 })
        {
            var extensions = assembly.GetType($"Widths.Reg{width}MaskExtensions", throwOnError: true)!;
            // Both string overloads of each (with and without ignoreCase): TryParse takes null, Parse does not.
            var tryParses = extensions.GetMethods().Where(method => method.Name == "TryParse" && method.GetParameters()[0].ParameterType == typeof(string)).ToList();
            Assert.Equal(2, tryParses.Count);
            Assert.All(tryParses, tryParse => Assert.Equal(System.Reflection.NullabilityState.Nullable, nullability.Create(tryParse.GetParameters()[0]).ReadState));
            var parses = extensions.GetMethods().Where(method => method.Name == "Parse").ToList();
            Assert.Equal(2, parses.Count);
            Assert.All(parses, parse => Assert.Equal(System.Reflection.NullabilityState.NotNull, nullability.Create(parse.GetParameters()[0]).ReadState));
            Assert.Equal(System.Reflection.NullabilityState.NotNull, nullability.Create(extensions.GetMethod("ToStringFast")!.ReturnParameter).ReadState);
        }
        var equals = assembly.GetType("Widths.Reg128Mask", throwOnError: true)!.GetMethod("Equals", new[] { typeof(object) })!;
        Assert.Equal(System.Reflection.NullabilityState.Nullable, nullability.Create(equals.GetParameters()[0]).ReadState);

        var csharp73 = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3);
        var old = GeneratorHarness.Run(sources, csharp73);
        old.AssertCompilesCleanly();
        Assert.All(old.GeneratedCode, source => Assert.DoesNotContain("#nullable", source.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void The_README_quick_start_compiles_and_gives_the_values_it_claims()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));
        var quickStart = readme[readme.IndexOf("## Quick start", StringComparison.Ordinal)..];
        var start = quickStart.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var code = quickStart[start..quickStart.IndexOf("```", start, StringComparison.Ordinal)];
        var probe = """
            using MyVmm;
            public static class Values
            {
                public static uint Avail() => (uint)MyVmm.Tdx.AVAIL_SET;
                public static uint All() => (uint)MyVmm.VcpuRegMask.All;
                public static string Dirty()
                {
                    var vcpu = new MyVmm.Vcpu();
                    vcpu.Write(MyVmm.VcpuReg.RIP);
                    return vcpu.RegsDirty.ToStringFast() + " / " + vcpu.RegsAvail.Contains(MyVmm.VcpuReg.RIP);
                }
            }
            """;
        var run = GeneratorHarness.Run(code, probe);
        Assert.Empty(run.RegisterMaskDiagnostics());
        run.AssertCompilesCleanly();
        var assembly = run.Load();
        Assert.Equal(0xEFu, assembly.Invoke("Values", "Avail"));      // README: RAX | RCX | RDX | RBX | RBP | RSI | RDI
        Assert.Equal(0x1FFFu, assembly.Invoke("Values", "All"));      // README: All = 0x00001FFFu
        Assert.Equal("RIP / True", assembly.Invoke("Values", "Dirty"));

        var broken = GeneratorHarness.Run(code.Replace("RAX, RCX, RDX, RBX,", "RAX, RCX, RDX, RBX = 40,"), probe);
        Assert.Equal(("RM0001", "RBX"), (broken.RegisterMaskDiagnostics()[0].Id, broken.RegisterMaskDiagnostics()[0].GetMessage().Split('\'')[1]));
    }

    /// <summary>Runs a probe check on the plain and the aliased register file of a width; the seed is in the failure message.</summary>
    private static void AssertProbeAgrees(string check, int width, int seed)
    {
        foreach (var (source, ns) in new[] { (TestInputs.WidthFile(width), "Widths"), (TestInputs.AliasedFile(width), "Aliased") })
        {
            var mismatch = (string)CompileWithProbe(source, ns, width).Invoke("Probe", check, seed, RandomValuesPerWidth)!;
            Assert.True(mismatch.Length == 0, $"{check}: {ns}, width {width}, seed {seed}: {mismatch}");
        }
    }

    private static System.Reflection.Assembly CompileWithProbe(string source, string ns, int width)
    {
        var run = GeneratorHarness.Run(source, $"using {ns};\n" + Probe.For($"Reg{width}", $"Reg{width}Mask", width));
        run.AssertCompilesCleanly();
        return run.Load();
    }

    private static System.Reflection.Assembly CompileWithCacheProbe(string source, string ns, int width)
    {
        var run = GeneratorHarness.Run(source, $"using {ns};\n" + CacheProbe.For($"Reg{width}", $"Reg{width}Mask"));
        Assert.DoesNotContain(run.RegisterMaskDiagnostics(), diagnostic => diagnostic.Id is "RM0018" or "RM0019");
        run.AssertCompilesCleanly();
        return run.Load();
    }

    private static object ParseMask(System.Reflection.Assembly assembly, string constant) =>
        assembly.GetType("KvmSample.Tdx")!.GetField(constant)!.GetValue(null)!;
}
