using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using RegisterMasks.Tests.Infrastructure;
using Xunit;
using static RegisterMasks.Tests.Infrastructure.EquivalenceProbe;

namespace RegisterMasks.Tests;

/// <summary>
/// The generated masks against .NET itself, differentially: for register files of widths 8 to 256 (aliases,
/// [NotARegister] values, gaps, keywords and names outside ASCII), our TryParse, Parse, ToStringFast, ToMask and
/// JSON converter against Enum.TryParse, Enum.Parse, Enum.ToString and System.Text.Json on the enum masks, and
/// against a model of those rules over <see cref="BigInteger"/> (<see cref="FileModel"/>) on the struct masks, on
/// seeded random and adversarial text and values. The model is checked against .NET on the enum masks, where
/// both answer, so what it says of the struct masks is Enum's rule carried to their width.
/// A failure names its seed; <c>ENUM_EQUIVALENCE_SEED</c> replays it.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public class EnumEquivalenceTests
{
    private static readonly int[] EnumWidths = { 8, 16, 32, 64 };
    private static readonly int[] StructWidths = { 128, 256 };
    private static readonly int[] AllWidths = EnumWidths.Concat(StructWidths).ToArray();
    private const int TextsPerFile = 3000;
    private const int ValuesPerFile = 1000;

    private static readonly int Seed =
        int.TryParse(Environment.GetEnvironmentVariable("ENUM_EQUIVALENCE_SEED"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed) ? seed : 20261210;

    /// <summary>Every register file with its probe, compiled once for net8.0 (spans, System.Text.Json 8) and loaded.</summary>
    private static readonly Lazy<Assembly> s_latest = new(() => Compile(spans: true, json: true, LanguageVersion.Latest, Basic.Reference.Assemblies.Net80.References.All));

    /// <summary>The same for netstandard2.0 in C# 7.3: no spans, no JSON, no nullable annotations; TryParse reads strings.</summary>
    private static readonly Lazy<Assembly> s_oldest = new(() => Compile(spans: false, json: false, LanguageVersion.CSharp7_3, Basic.Reference.Assemblies.NetStandard20.References.All));

    [Fact]
    public void Enum_masks_parse_as_Enum_TryParse_and_Enum_Parse_do_and_accept_more_only_as_documented()
    {
        var failures = new Failures();
        foreach (var width in EnumWidths)
        {
            var model = new FileModel(width);
            var probe = new ProbeCalls(s_latest.Value, width);
            foreach (var text in Texts(model, Seed + width))
            {
                var (status, value) = model.Read(text);
                string enumTry = probe.Call("EnumTryParse", text), enumParse = probe.Call("EnumParse", text);

                // The model against .NET: everything Enum reads, to the same value; its overflow is ours; its other errors may be read beyond it.
                var expected = Expected(status, value);
                if (enumTry.StartsWith("ok:", StringComparison.Ordinal) && expected.TryParse != enumTry)
                {
                    failures.Add(width, text, $"Enum.TryParse gives {enumTry}, the model {expected.TryParse}");
                }
                if (enumParse != expected.Parse && !(enumParse == nameof(ArgumentException) && status == Status.Ok && IsBeyondEnum(text)))
                {
                    failures.Add(width, text, $"Enum.Parse gives {enumParse}, the model {expected.Parse}");
                }
                CheckOurs(probe, text, expected, width, failures, spans: true);
            }
        }
        failures.AssertNone();
    }

    [Fact]
    public void Struct_masks_parse_as_an_enum_that_wide_would_within_All()
    {
        var failures = new Failures();
        foreach (var width in StructWidths)
        {
            var model = new FileModel(width);
            var probe = new ProbeCalls(s_latest.Value, width);
            foreach (var text in Texts(model, Seed + width))
            {
                var (status, value) = model.Read(text);
                CheckOurs(probe, text, Expected(status, value), width, failures, spans: true);
            }
        }
        failures.AssertNone();
    }

    [Fact]
    public void Enum_masks_parse_ignoring_case_as_Enum_does_with_ignoreCase()
    {
        var failures = new Failures();
        foreach (var width in EnumWidths)
        {
            var model = new FileModel(width);
            var probe = new ProbeCalls(s_latest.Value, width);
            foreach (var text in IgnoreCaseTexts(model, Seed + 11 * width))
            {
                var (status, value) = model.Read(text, ignoreCase: true);
                string enumTry = probe.Call("EnumTryParseIgnoreCase", text), enumParse = probe.Call("EnumParseIgnoreCase", text);
                var expected = Expected(status, value);
                if (enumTry.StartsWith("ok:", StringComparison.Ordinal) && expected.TryParse != enumTry)
                {
                    failures.Add(width, text, $"Enum.TryParse(ignoreCase) gives {enumTry}, the model {expected.TryParse}");
                }
                if (enumParse != expected.Parse && !(enumParse == nameof(ArgumentException) && status == Status.Ok && IsBeyondEnum(text)))
                {
                    failures.Add(width, text, $"Enum.Parse(ignoreCase) gives {enumParse}, the model {expected.Parse}");
                }
                CheckOurs(probe, text, expected, width, failures, spans: true, ignoreCase: true);
                CheckCaseSensitiveOverloads(probe, model, text, width, failures);
            }
        }
        failures.AssertNone();
    }

    [Fact]
    public void Struct_masks_parse_ignoring_case_as_an_enum_that_wide_would()
    {
        var failures = new Failures();
        foreach (var width in StructWidths)
        {
            var model = new FileModel(width);
            var probe = new ProbeCalls(s_latest.Value, width);
            foreach (var text in IgnoreCaseTexts(model, Seed + 11 * width))
            {
                var (status, value) = model.Read(text, ignoreCase: true);
                CheckOurs(probe, text, Expected(status, value), width, failures, spans: true, ignoreCase: true);
                CheckCaseSensitiveOverloads(probe, model, text, width, failures);
            }
        }
        failures.AssertNone();
    }

    [Fact]
    public void Without_spans_and_in_CSharp_7_3_the_string_path_parses_the_same()
    {
        var failures = new Failures();
        foreach (var width in AllWidths)
        {
            var model = new FileModel(width);
            var probe = new ProbeCalls(s_oldest.Value, width);
            foreach (var text in Texts(model, Seed + width).Take(TextsPerFile / 3))
            {
                var (status, value) = model.Read(text);
                CheckOurs(probe, text, Expected(status, value), width, failures, spans: false);
            }
            foreach (var text in IgnoreCaseTexts(model, Seed + 11 * width).Take(TextsPerFile / 3))
            {
                var (status, value) = model.Read(text, ignoreCase: true);
                CheckOurs(probe, text, Expected(status, value), width, failures, spans: false, ignoreCase: true);
            }
            foreach (var bits in Values(model, Seed + 7 * width).Take(ValuesPerFile / 3))
            {
                var shown = probe.Call("ToStringFast", Invariant(bits));
                if (shown != model.Text(bits))
                {
                    failures.Add(width, Invariant(bits), $"ToStringFast gives {Shown(shown)}, the model {Shown(model.Text(bits))}");
                }
            }
            CheckRegisters(probe, model, failures);
        }
        failures.AssertNone();
    }

    [Fact]
    public void ToStringFast_equals_Enum_ToString_and_every_value_round_trips_through_TryParse_and_JSON()
    {
        var failures = new Failures();
        foreach (var width in AllWidths)
        {
            var model = new FileModel(width);
            var probe = new ProbeCalls(s_latest.Value, width);
            foreach (var value in Values(model, Seed + 7 * width))
            {
                var bits = Invariant(value);
                var text = probe.Call("ToStringFast", bits);
                if (text != model.Text(value))
                {
                    failures.Add(width, bits, $"ToStringFast gives {Shown(text)}, the model {Shown(model.Text(value))}");
                }
                if (!model.Wide && probe.Call("EnumToString", bits) is var enumText && enumText != text)
                {
                    failures.Add(width, bits, $"ToStringFast gives {Shown(text)}, Enum.ToString() {Shown(enumText)}");
                }
                if (probe.Call("TryParse", text) != "ok:" + bits)
                {
                    failures.Add(width, bits, $"TryParse of its ToStringFast {Shown(text)} gives {probe.Call("TryParse", text)}");
                }

                // JSON: as a value (an array of names, or the number as a string where a bit names no register), and as a dictionary key.
                var json = probe.Call("JsonWrite", bits);
                if (probe.Call("JsonRead", json) != "ok:" + bits)
                {
                    failures.Add(width, bits, $"JSON {json} reads back as {probe.Call("JsonRead", json)}");
                }
                var keyed = probe.Call("JsonKeyWrite", bits);
                var expectedKey = "{" + System.Text.Json.JsonSerializer.Serialize(text) + ":1}";
                if (keyed != expectedKey)
                {
                    failures.Add(width, bits, $"as a dictionary key writes {keyed}, expected {expectedKey}");
                }
                if (probe.Call("JsonKeyRead", keyed) != "ok:" + bits)
                {
                    failures.Add(width, bits, $"the dictionary {keyed} reads back as {probe.Call("JsonKeyRead", keyed)}");
                }
            }
        }
        failures.AssertNone();
    }

    [Fact]
    public void JSON_strings_and_dictionary_keys_read_what_TryParse_reads()
    {
        var failures = new Failures();
        foreach (var width in AllWidths)
        {
            var model = new FileModel(width);
            var probe = new ProbeCalls(s_latest.Value, width);
            foreach (var text in Texts(model, Seed + 3 * width).Take(TextsPerFile / 3).Where(text => text is not null))
            {
                var parsed = probe.Call("TryParse", text!);
                var expected = parsed == "no" ? "JsonException" : parsed;
                var quoted = System.Text.Json.JsonSerializer.Serialize(text);
                if (probe.Call("JsonRead", quoted) is var read && read != expected)
                {
                    failures.Add(width, text, $"the JSON string {quoted} reads as {read}, TryParse gives {parsed}");
                }
                if (probe.Call("JsonKeyRead", "{" + quoted + ":1}") is var key && key != expected)
                {
                    failures.Add(width, text, $"the dictionary key {quoted} reads as {key}, TryParse gives {parsed}");
                }
            }
        }
        failures.AssertNone();
    }

    [Fact]
    public void Every_member_taking_a_register_gives_None_for_a_value_that_names_no_register_and_nothing_throws()
    {
        var failures = new Failures();
        foreach (var width in AllWidths)
        {
            CheckRegisters(new ProbeCalls(s_latest.Value, width), new FileModel(width), failures);
        }
        failures.AssertNone();
    }

    /// <summary>
    /// Our TryParse (the string and, with spans, the span overload) and Parse give exactly what the model says; with
    /// <paramref name="ignoreCase"/>, the overloads taking <c>ignoreCase: true</c>.
    /// </summary>
    private static void CheckOurs(ProbeCalls probe, string? text, (string TryParse, string Parse) expected, int width, Failures failures, bool spans, bool ignoreCase = false)
    {
        var suffix = ignoreCase ? "IgnoreCase" : "";
        if (text is null)
        {
            if (probe.CallWithNull("TryParse" + suffix) != "no" || probe.CallWithNull("Parse" + suffix) != nameof(ArgumentNullException))
            {
                failures.Add(width, text, "null" + (ignoreCase ? " (ignoring case)" : ""));
            }
            return;
        }
        if (probe.Call("TryParse" + suffix, text) is var ours && ours != expected.TryParse)
        {
            failures.Add(width, text, $"TryParse{(ignoreCase ? "(ignoreCase)" : "")} gives {ours}, expected {expected.TryParse}");
        }
        if (spans && probe.Call("TryParseSpan" + suffix, text) is var span && span != expected.TryParse)
        {
            failures.Add(width, text, $"TryParse{(ignoreCase ? "(ignoreCase)" : "")} over a span gives {span}, expected {expected.TryParse}");
        }
        if (probe.Call("Parse" + suffix, text) is var parse && parse != expected.Parse)
        {
            failures.Add(width, text, $"Parse{(ignoreCase ? "(ignoreCase)" : "")} gives {parse}, expected {expected.Parse}");
        }
    }

    /// <summary><c>Parse(text, false)</c> and <c>TryParse(text, false, out m)</c> read exactly as the overloads without ignoreCase.</summary>
    private static void CheckCaseSensitiveOverloads(ProbeCalls probe, FileModel model, string? text, int width, Failures failures)
    {
        if (text is null)
        {
            return;
        }
        var (status, value) = model.Read(text);
        var expected = Expected(status, value);
        if (probe.Call("CaseSensitiveOverloads", text) is var answer && answer != expected.TryParse + " " + expected.Parse)
        {
            failures.Add(width, text, $"TryParse and Parse with ignoreCase false give {answer}, expected {expected.TryParse} {expected.Parse}");
        }
    }

    /// <summary>ToMask, Contains, With and Without on every value near each register, gap and edge, and on wrapping values.</summary>
    private static void CheckRegisters(ProbeCalls probe, FileModel model, Failures failures)
    {
        var values = new HashSet<int> { int.MinValue, int.MinValue + 1, -64, -1, int.MaxValue, model.Width + 1, 1000 };
        for (var value = -3; value <= model.Width + 3; value++)
        {
            values.Add(value);
        }
        foreach (var register in model.Registers)
        {
            // What a shift would wrap to this register: 1u << 40 is 1u << 8.
            values.Add(register + 32);
            values.Add(register + 64);
            values.Add(register + 128);
            values.Add(register + model.Width);
            values.Add(register - 64);
        }
        foreach (var value in values)
        {
            var named = model.Registers.Contains(value);
            var bit = named ? BigInteger.One << value : BigInteger.Zero;
            var text = named ? model.Text(bit) : "None";
            var expected = $"ok:{Invariant(bit)} {(named ? "True" : "False")} ok:{Invariant(bit)} ok:{Invariant(model.All - bit)} {text} {text} {(named ? 1 : 0)}";
            if (probe.Call("Register", value) is var answer && answer != expected)
            {
                failures.Add(model.Width, value.ToString(CultureInfo.InvariantCulture), $"ToMask, Contains(All), With(None), Without(All), the texts, Count: {answer}, expected {expected}");
            }
        }
    }

    private static (string TryParse, string Parse) Expected(Status status, BigInteger value) => status switch
    {
        Status.Ok => ("ok:" + Invariant(value), "ok:" + Invariant(value)),
        Status.Null => ("no", nameof(ArgumentNullException)),
        Status.Overflow => ("no", nameof(OverflowException)),
        _ => ("no", nameof(ArgumentException)),
    };

    /// <summary>What we read beyond Enum: a '|', hex, or a number among the parts of a list.</summary>
    private static bool IsBeyondEnum(string? text) =>
        text is not null && (text.Contains('|') || text.Contains("0x", StringComparison.Ordinal) || text.Contains("0X", StringComparison.Ordinal)
            || (text.Contains(',') && text.Split(',').Any(part => part.TrimStart() is { Length: > 0 } trimmed && (char.IsAsciiDigit(trimmed[0]) || trimmed[0] is '+' or '-'))));

    private static Assembly Compile(bool spans, bool json, LanguageVersion version, IEnumerable<Microsoft.CodeAnalysis.MetadataReference> references)
    {
        var sources = AllWidths.SelectMany(width => new[] { EquivalenceProbe.File(width), EquivalenceProbe.For(width, spans, json) }).ToArray();
        var parseOptions = new CSharpParseOptions(version);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(parseOptions), GeneratorHarness.Compilation(sources, parseOptions, references: references));
        var generated = started.Elapsed;
        Assert.All(AllWidths, width => Assert.Contains($"Eq.F{width}Mask.g.cs", run.Sources.Keys));
        // One pass checks that the output compiles with no warning (nullable ones included) and emits it.
        var assembly = run.Load(cleanly: true);
        Console.WriteLine($"EnumEquivalenceTests: generated in {generated.TotalSeconds:F1} s, compiled and loaded in {(started.Elapsed - generated).TotalSeconds:F1} s ({version})");
        return assembly;
    }

    // ---- Text and values: seeded, random and adversarial ----

    /// <summary>
    /// White space and its neighbours, one or more of every Unicode category that holds any: all that
    /// <see cref="char.IsWhiteSpace(char)"/> says is (Zs, Zl, Zp and the control characters tab to carriage return,
    /// and U+0085), other control characters (NUL among them), and format characters that look like nothing (Cf).
    /// </summary>
    private static readonly char[] s_spaces = Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(char.IsWhiteSpace)
        .Concat(new[] { '\0', '\u0001', '\u001F', '\u007F', '\u009F', '\u00AD', '\u180E', '\u200B', '\u200E', '\u2060', '\uFEFF' })
        .ToArray();

    /// <summary>Texts that every rule has an edge at, then seeded random ones built of names, numbers, hex, separators and white space.</summary>
    private static IEnumerable<string?> Texts(FileModel model, int seed)
    {
        var limit = BigInteger.One << model.Width;
        var fixedTexts = new List<string?>
        {
            null, "", " ", "\u00A0", "\0", "+3", "-0", "+0", "-1", "- 1", "+ 3", "++3", "+-0", "+", "-", "0\u00A0", "\u00A00", "3 \0", "3\0 ", "3\0\0",
            "3\t\r\n\v\f", "3\u0085", "3\u2028", "1e3", "3.0", "(3)", "٣", "３", "\u22121", "00003", "-0000", "-000001",
            Invariant(limit - 1), Invariant(limit), Invariant(limit + 1), "-" + Invariant(limit), "18446744073709551615", "18446744073709551616",
            "99999999999999999999999999999999999999999999999999999999999999999999999999999999999999999",
            Invariant(limit) + "\u00A0", Invariant(limit) + "x", Invariant(limit) + " \0", "0x", "0x ", "0X1", "0x1g", "+0x1", "0x" + new string('0', 40) + "1",
            "None", "All", "none", "ALL", "None, All", "All, None", "A,", ",A", "A,,class", "A, ", "A , , class", "A|", "|A", "A||class", "A|class", "A ,class",
            "class", "@class", "CLASS_ALIAS", "rax", "RAX", "RAX, rax", "Rax", "SHARED", "HOLE", "COUNT", "TOP", "TOP_EARLY", "Ωmega", "ωMEGA",
            "A\0", "\0A", "A\u00A0", "\u3000A\u2029", "A\u200B", "A;class", "A class", "3,A", "A,3", "A, 3", "A|3", "1,2", "A, +3", "A, -0", "A, -1",
        };
        foreach (var text in fixedTexts)
        {
            yield return text;
        }
        var random = new Random(seed);
        for (var i = 0; i < TextsPerFile - fixedTexts.Count; i++)
        {
            var parts = random.Next(2) == 0 ? 1 : random.Next(2, 5);
            var text = new StringBuilder();
            for (var part = 0; part < parts; part++)
            {
                if (part > 0)
                {
                    text.Append(Pick(random, ",", ", ", " ,", "|", " | ", ",,", ";", " ", ",\u00A0", "|\0"));
                }
                text.Append(Spaces(random)).Append(Token(random, model)).Append(Spaces(random));
            }
            yield return text.ToString();
        }
    }

    /// <summary>
    /// The texts <see cref="Texts"/> gives, then each with its letters' case changed at random (upper, lower or kept, per
    /// character, invariant), and names in other cases that each rule of ignoring case has an edge at: names that differ only
    /// in case (<c>rax</c> and <c>RAX</c>: the lower index wins), None and All, aliases, keywords, and letters outside ASCII
    /// whose case maps (Ω, Ä, Cyrillic), and ones that fold to ASCII under other rules but not under ordinal ones (the Kelvin
    /// sign, the dotted and dotless i, ß).
    /// </summary>
    private static IEnumerable<string?> IgnoreCaseTexts(FileModel model, int seed)
    {
        var random = new Random(seed);
        var fixedTexts = new List<string?>
        {
            "rAX", "Rax", "RAX", "rax", "RAX, rax", "rax|RAX", "ΩMEGA", "ωmega", "ΩmEgA", "äX", "ÄX", "РЕГИСТР", "Регистр", "class_alias", "Class_Alias",
            "CLASS", "@CLASS", "INT", "Top_Early", "top", "nOnE", "NONE", "none", "aLL", "ALL", "all", "None, all", "NONE | ALL", "w1_alias", "W1LOW", "w3b",
            " a , B ", "\u212Aa", "a\u0131", "A\u0130", "\u00DF", "\u0130NT", "\u0131nt", "hole", "Shared", "count", "big", "high", "_9", "r1", "R10_alias",
        };
        foreach (var text in fixedTexts)
        {
            yield return text;
        }
        foreach (var text in Texts(model, seed))
        {
            yield return text;
            if (text is not null)
            {
                yield return Mangled(text, random);
            }
        }
    }

    /// <summary><paramref name="text"/> with each character upper-cased, lower-cased (invariant) or kept, at random.</summary>
    private static string Mangled(string text, Random random) =>
        string.Concat(text.Select(c => random.Next(3) switch { 0 => char.ToUpperInvariant(c), 1 => char.ToLowerInvariant(c), _ => c }));

    private static string Spaces(Random random)
    {
        if (random.Next(2) == 0)
        {
            return "";
        }
        var count = random.Next(1, 3);
        var spaces = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            spaces.Append(random.Next(3) == 0 ? ' ' : s_spaces[random.Next(s_spaces.Length)]);
        }
        return spaces.ToString();
    }

    private static string Token(Random random, FileModel model)
    {
        switch (random.Next(10))
        {
            case 0:
            case 1:
            case 2:
                return model.Names.Keys.ElementAt(random.Next(model.Names.Count));
            case 3:
                // A name almost right: another case, cut short, grown, a sentinel's, or None and All in other cases.
                var name = model.Names.Keys.ElementAt(random.Next(model.Names.Count));
                return Pick(random, name.ToUpperInvariant(), name.ToLowerInvariant(), name[..^1], name + "0", "_" + name,
                    "SHARED", "HOLE", "COUNT", "None", "All", "NONE", "all", "Nope", "R100", "R");
            case 4:
            case 5:
            case 6:
                var number = Number(random, model);
                var digits = Invariant(number);
                var zeros = random.Next(4) == 0 ? new string('0', random.Next(1, 30)) : "";
                var sign = random.Next(5) == 0 ? Pick(random, "+", "-", "+-", "--", "- ") : "";
                return sign + zeros + digits;
            case 7:
            case 8:
                var hex = Number(random, model).ToString("X", CultureInfo.InvariantCulture).TrimStart('0');
                return Pick(random, "0x", "0X", "0x0") + (random.Next(8) == 0 ? new string('0', random.Next(1, 20)) : "")
                    + (random.Next(12) == 0 ? hex + "g" : hex);
            default:
                return Pick(random, "", "1e3", "3.0", "(1)", "٣", "３", "\u22121", "0x", "x1", "A B", "\"A\"");
        }
    }

    /// <summary>A number of one of the shapes that matter: registers only, one register, none, All, a bit past All, the width's edges, far past it.</summary>
    private static BigInteger Number(Random random, FileModel model)
    {
        var limit = BigInteger.One << model.Width;
        switch (random.Next(9))
        {
            case 0: return 0;
            case 1: return model.All;
            case 2: return BigInteger.One << model.Registers[random.Next(model.Registers.Count)];
            case 3: return RandomBits(random, model.Width) & model.All;
            case 4: return RandomBits(random, model.Width);
            case 5: return limit - 1 - random.Next(3);
            case 6: return limit + random.Next(3);
            case 7: return BigInteger.One << random.Next(model.Width + 70);
            default: return random.Next(model.Width + 5);
        }
    }

    private static BigInteger RandomBits(Random random, int width)
    {
        var bytes = new byte[width / 8 + 1];
        random.NextBytes(bytes);
        bytes[^1] = 0;
        return new BigInteger(bytes);
    }

    /// <summary>Seeded masks of every shape; for an enum mask, bits that name no register too (as a cast gives them).</summary>
    private static IEnumerable<BigInteger> Values(FileModel model, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < ValuesPerFile; i++)
        {
            var value = random.Next(6) switch
            {
                0 => BigInteger.Zero,
                1 => model.All,
                2 => BigInteger.One << model.Registers[random.Next(model.Registers.Count)],
                3 when !model.Wide => RandomBits(random, model.Width),
                _ => RandomBits(random, model.Width) & model.All,
            };
            yield return value;
        }
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];

    // ---- The model ----

    internal enum Status
    {
        Ok,
        Null,
        Empty,
        Invalid,
        Overflow,
    }

    /// <summary>
    /// Enum.TryParse's rules as .NET 10 applies them (probed: see the parsing notes in docs/generated-code.md), over a value as wide as the
    /// file, plus what we read beyond them, written independently of the generated code: regular expressions and
    /// <see cref="BigInteger"/>. A struct mask holds no bit outside All, so there a number with such a bit is not a mask.
    /// </summary>
    internal sealed class FileModel
    {
        // One decimal number as Enum reads one: a sign, ASCII digits, then ASCII white space, then NULs, and the end.
        private static readonly Regex s_number = new(@"\A([+-]?)([0-9]+)[\x20\x09-\x0D]*\x00*\z", RegexOptions.CultureInvariant);
        private static readonly Regex s_hex = new(@"\A0[xX]([0-9a-fA-F]+)[\x20\x09-\x0D]*\x00*\z", RegexOptions.CultureInvariant);

        public FileModel(int width)
        {
            Width = width;
            var layout = Layout(width);
            Names = layout.Where(member => member.Kind != MemberKind.NotARegister).ToDictionary(member => member.Name, member => member.Value, StringComparer.Ordinal);
            Registers = Names.Values.Distinct().Order().ToList();
            All = Registers.Aggregate(BigInteger.Zero, (all, index) => all | (BigInteger.One << index));
            // The name that shows for a bit: the register's, never an alias's, wherever the alias is declared (checked against Enum.ToString on the enum masks).
            Shown = layout.Where(member => member.Kind == MemberKind.Register).ToDictionary(member => member.Value, member => member.Name);
        }

        public int Width { get; }
        public bool Wide => Width > 64;
        public Dictionary<string, int> Names { get; }
        public List<int> Registers { get; }
        public BigInteger All { get; }
        public Dictionary<int, string> Shown { get; }

        /// <summary>
        /// What Enum.TryParse reads; with <paramref name="ignoreCase"/>, a name is compared ignoring case (ordinal) with every
        /// name in ascending value, as Enum's sorted names are: None, the registers and aliases by index, All; the first wins.
        /// </summary>
        public (Status, BigInteger) Read(string? text, bool ignoreCase = false)
        {
            if (text is null)
            {
                return (Status.Null, 0);
            }
            var trimmed = text.TrimStart();
            if (trimmed.Length == 0)
            {
                return (Status.Empty, 0);
            }
            // The whole text one number: its value, or an overflow past the width.
            if (s_number.Match(trimmed) is { Success: true } number)
            {
                var value = BigInteger.Parse(number.Groups[2].Value, CultureInfo.InvariantCulture);
                if (value >= BigInteger.One << Width || (number.Groups[1].Value == "-" && !value.IsZero))
                {
                    return (Status.Overflow, 0);
                }
                return Wide && (value & ~All) != 0 ? (Status.Invalid, 0) : (Status.Ok, value);
            }
            var result = BigInteger.Zero;
            foreach (var raw in trimmed.Split(',', '|'))
            {
                var part = raw.TrimStart();
                BigInteger value;
                if (s_number.Match(part) is { Success: true } decimalPart)
                {
                    value = BigInteger.Parse(decimalPart.Groups[2].Value, CultureInfo.InvariantCulture);
                    if (value >= BigInteger.One << Width || (decimalPart.Groups[1].Value == "-" && !value.IsZero) || (Wide && (value & ~All) != 0))
                    {
                        return (Status.Invalid, 0);
                    }
                }
                else if (s_hex.Match(part) is { Success: true } hexPart)
                {
                    value = BigInteger.Parse("0" + hexPart.Groups[1].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                    if ((value & ~All) != 0)
                    {
                        return (Status.Invalid, 0);
                    }
                }
                else
                {
                    var name = part.TrimEnd();
                    if (ignoreCase)
                    {
                        if (NamesByValue().FirstOrDefault(entry => string.Equals(entry.Name, name, StringComparison.OrdinalIgnoreCase)) is not { Name: not null } match)
                        {
                            return (Status.Invalid, 0);
                        }
                        value = match.Value;
                    }
                    else if (name == "None")
                    {
                        value = 0;
                    }
                    else if (name == "All")
                    {
                        value = All;
                    }
                    else if (Names.TryGetValue(name, out var index))
                    {
                        value = BigInteger.One << index;
                    }
                    else
                    {
                        return (Status.Invalid, 0);
                    }
                }
                result |= value;
            }
            return (Status.Ok, result);
        }

        /// <summary>Every name the mask has with its value, in ascending value (names of one value in any order: they read the same).</summary>
        private IEnumerable<(string Name, BigInteger Value)> NamesByValue() =>
            new[] { ("None", BigInteger.Zero) }
                .Concat(Names.Select(pair => (pair.Key, BigInteger.One << pair.Value)))
                .Append(("All", All))
                .OrderBy(entry => entry.Item2);

        /// <summary>What Enum.ToString() gives: All, None, the number when a bit names no register, else the names ascending.</summary>
        public string Text(BigInteger bits)
        {
            if (bits == All)
            {
                return "All";
            }
            if (bits.IsZero)
            {
                return "None";
            }
            if ((bits & ~All) != 0)
            {
                return Invariant(bits);
            }
            return string.Join(", ", Registers.Where(index => !(bits & (BigInteger.One << index)).IsZero).Select(index => Shown[index]));
        }
    }

    /// <summary>The probe's methods for one width, as delegates.</summary>
    private sealed class ProbeCalls
    {
        private readonly Type _type;
        private readonly Dictionary<string, Delegate> _methods = new();

        public ProbeCalls(Assembly assembly, int width) => _type = assembly.GetType("P" + width.ToString(CultureInfo.InvariantCulture), throwOnError: true)!;

        public string Call(string method, string? text) => Method<Func<string, string>>(method)(text!);

        public string Call(string method, int value) => Method<Func<int, string>>(method)(value);

        public string CallWithNull(string method) => Method<Func<string, string>>(method)(null!);

        private T Method<T>(string name)
            where T : Delegate
        {
            if (!_methods.TryGetValue(name, out var method))
            {
                _methods[name] = method = _type.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<T>();
            }
            return (T)method;
        }
    }

    private sealed class Failures
    {
        private readonly List<string> _failures = new();

        public void Add(int width, string? text, string what) => _failures.Add($"width {width}, {Shown(text)}: {what}");

        public void AssertNone() => Assert.True(_failures.Count == 0,
            $"{_failures.Count} disagreements (seed {Seed}; replay with ENUM_EQUIVALENCE_SEED={Seed}):\n" + string.Join("\n", _failures.Take(25)));
    }
}
