using System.Globalization;
using System.Text;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// The register files <c>EnumEquivalenceTests</c> compare with .NET, and the C# compiled beside their
/// masks to call both sides. Every answer is text: <c>ok:</c> and the mask's value in decimal, <c>no</c>
/// for a false TryParse, or the name of the exception thrown, so that the test compares answers as strings.
/// The probe is C# 7.3, so that the same text compiles where the target has no spans and no JSON.
/// </summary>
internal static class EquivalenceProbe
{
    /// <summary>One enum member: how it is declared, its name as text, its value, and what it is.</summary>
    internal sealed record Member(string Declaration, string Name, int Value, MemberKind Kind);

    internal enum MemberKind
    {
        Register,
        Alias,
        NotARegister,
    }

    /// <summary>
    /// A register file of a width: an alias declared before and one after its register, [NotARegister] values on
    /// a gap, past the width and sharing a register's index, gaps, names that differ only in case, a name that
    /// prefixes another, keywords (<c>@class</c>, <c>@int</c>) and names outside ASCII, and the top bit.
    /// </summary>
    public static List<Member> Layout(int width)
    {
        var members = new List<Member>
        {
            new("[NotARegister] SHARED = 0", "SHARED", 0, MemberKind.NotARegister),
            new("A = 0", "A", 0, MemberKind.Register),
            new("@class = 1", "class", 1, MemberKind.Register),
            new("[RegisterAlias] CLASS_ALIAS = 1", "CLASS_ALIAS", 1, MemberKind.Alias),
            new("rax = 2", "rax", 2, MemberKind.Register),
            new("RAX = 3", "RAX", 3, MemberKind.Register),
            new("[NotARegister] HOLE = 4", "HOLE", 4, MemberKind.NotARegister),
            new("Ωmega = 5", "Ωmega", 5, MemberKind.Register),
        };
        if (width >= 16)
        {
            members.Add(new("R1 = 8", "R1", 8, MemberKind.Register));
            members.Add(new("R10 = 10", "R10", 10, MemberKind.Register));
            members.Add(new("@int = 12", "int", 12, MemberKind.Register));
            members.Add(new("__ = 13", "__", 13, MemberKind.Register));
        }
        if (width >= 32)
        {
            members.Add(new("Äx = 17", "Äx", 17, MemberKind.Register));
            members.Add(new("регистр = 20", "регистр", 20, MemberKind.Register));
            members.Add(new("[RegisterAlias] R10_ALIAS = 10", "R10_ALIAS", 10, MemberKind.Alias));
            members.Add(new("_9 = 30", "_9", 30, MemberKind.Register));
        }
        if (width >= 64)
        {
            members.Add(new("HIGH = 33", "HIGH", 33, MemberKind.Register));
            members.Add(new("BIG = 62", "BIG", 62, MemberKind.Register));
        }
        if (width >= 128)
        {
            members.Add(new("W1LOW = 64", "W1LOW", 64, MemberKind.Register));
            members.Add(new("W1 = 100", "W1", 100, MemberKind.Register));
            members.Add(new("[NotARegister] HOLE2 = 101", "HOLE2", 101, MemberKind.NotARegister));
            members.Add(new("[RegisterAlias] W1_ALIAS = 100", "W1_ALIAS", 100, MemberKind.Alias));
        }
        if (width >= 256)
        {
            members.Add(new("W3 = 200", "W3", 200, MemberKind.Register));
            members.Add(new("W3B = 253", "W3B", 253, MemberKind.Register));
        }
        var top = width - 1;
        members.Add(new($"[RegisterAlias] TOP_EARLY = {top}", "TOP_EARLY", top, MemberKind.Alias));
        members.Add(new($"TOP = {top}", "TOP", top, MemberKind.Register));
        members.Add(new($"[NotARegister] COUNT = {width}", "COUNT", width, MemberKind.NotARegister));
        return members;
    }

    public static string File(int width)
    {
        var source = new StringBuilder();
        source.AppendLine("namespace Eq");
        source.AppendLine("{");
        source.AppendLine($"    [RegisterMasking.RegisterFile({width})]");
        source.AppendLine($"    public enum F{width}");
        source.AppendLine("    {");
        foreach (var member in Layout(width))
        {
            source.AppendLine($"        {member.Declaration.Replace("[RegisterAlias]", "[RegisterMasking.RegisterAlias]").Replace("[NotARegister]", "[RegisterMasking.NotARegister]")},");
        }
        source.AppendLine("    }");
        source.AppendLine("}");
        return source.ToString();
    }

    /// <param name="spans">The target has spans: the span overload of TryParse is called too.</param>
    /// <param name="json">The target has System.Text.Json 6.0 or later: values and dictionary keys go through the converter.</param>
    public static string For(int width, bool spans, bool json)
    {
        var wide = width > 64;
        var e = $"Eq.F{width}";
        var m = $"Eq.F{width}Mask";
        var x = $"Eq.F{width}MaskExtensions";
        var ok = wide
            ? $$"""
                private static string Ok({{m}} mask)
                {
                    ulong[] words = mask.ToWords();
                    System.Numerics.BigInteger value = System.Numerics.BigInteger.Zero;
                    for (int i = words.Length - 1; i >= 0; i--) value = (value << 64) | words[i];
                    return "ok:" + value.ToString(CultureInfo.InvariantCulture);
                }

                private static {{m}} Mask(string bits)
                {
                    System.Numerics.BigInteger value = System.Numerics.BigInteger.Parse(bits, CultureInfo.InvariantCulture);
                    ulong[] words = new ulong[{{m}}.WordCount];
                    for (int i = 0; i < words.Length; i++) words[i] = (ulong)((value >> (64 * i)) & ulong.MaxValue);
                    return {{m}}.FromWordsTruncate(words);
                }
                """
            : $$"""
                private static string Ok({{m}} mask)
                {
                    return "ok:" + ((ulong)mask).ToString(CultureInfo.InvariantCulture);
                }

                private static {{m}} Mask(string bits)
                {
                    return ({{m}})ulong.Parse(bits, CultureInfo.InvariantCulture);
                }
                """;
        var enumSide = wide || !spans ? "" : $$"""
                public static string EnumTryParse(string text)
                {
                    {{m}} mask;
                    return System.Enum.TryParse<{{m}}>(text, out mask) ? Ok(mask) : "no";
                }

                public static string EnumParse(string text)
                {
                    try { return Ok(System.Enum.Parse<{{m}}>(text)); }
                    catch (System.Exception exception) { return exception.GetType().Name; }
                }

                public static string EnumTryParseIgnoreCase(string text)
                {
                    {{m}} mask;
                    return System.Enum.TryParse<{{m}}>(text, true, out mask) ? Ok(mask) : "no";
                }

                public static string EnumParseIgnoreCase(string text)
                {
                    try { return Ok(({{m}})System.Enum.Parse(typeof({{m}}), text, true)); }
                    catch (System.Exception exception) { return exception.GetType().Name; }
                }

                public static string EnumToString(string bits)
                {
                    return Mask(bits).ToString();
                }
            """;
        var spanSide = !spans ? "" : $$"""
                public static string TryParseSpan(string text)
                {
                    {{m}} mask;
                    return {{x}}.TryParse(System.MemoryExtensions.AsSpan(text), out mask) ? Ok(mask) : "no";
                }

                public static string TryParseSpanIgnoreCase(string text)
                {
                    {{m}} mask;
                    return {{x}}.TryParse(System.MemoryExtensions.AsSpan(text), true, out mask) ? Ok(mask) : "no";
                }
            """;
        var jsonSide = !json ? "" : $$"""
                private static readonly System.Text.Json.JsonSerializerOptions s_options = new System.Text.Json.JsonSerializerOptions();

                public static string JsonRead(string json)
                {
                    try { return Ok(System.Text.Json.JsonSerializer.Deserialize<{{m}}>(json, s_options)); }
                    catch (System.Text.Json.JsonException) { return "JsonException"; }
                    catch (System.Exception exception) { return exception.GetType().Name; }
                }

                public static string JsonWrite(string bits)
                {
                    try { return System.Text.Json.JsonSerializer.Serialize(Mask(bits), s_options); }
                    catch (System.Exception exception) { return exception.GetType().Name; }
                }

                public static string JsonKeyRead(string json)
                {
                    try
                    {
                        System.Collections.Generic.Dictionary<{{m}}, int>? read = System.Text.Json.JsonSerializer.Deserialize<System.Collections.Generic.Dictionary<{{m}}, int>>(json, s_options);
                        if (read == null || read.Count != 1) return "not one key";
                        foreach (System.Collections.Generic.KeyValuePair<{{m}}, int> entry in read) return Ok(entry.Key);
                        return "not one key";
                    }
                    catch (System.Text.Json.JsonException) { return "JsonException"; }
                    catch (System.Exception exception) { return exception.GetType().Name; }
                }

                public static string JsonKeyWrite(string bits)
                {
                    try { return System.Text.Json.JsonSerializer.Serialize(new System.Collections.Generic.Dictionary<{{m}}, int> { { Mask(bits), 1 } }, s_options); }
                    catch (System.Exception exception) { return exception.GetType().Name; }
                }
            """;
        return $$"""
            using System.Globalization;

            public static class P{{width}}
            {
            {{ok}}

                public static string TryParse(string text)
                {
                    {{m}} mask;
                    return {{x}}.TryParse(text, out mask) ? Ok(mask) : "no";
                }

                public static string Parse(string text)
                {
                    try { return Ok({{x}}.Parse(text)); }
                    catch (System.Exception exception) { return exception.GetType().Name; }
                }

                public static string TryParseIgnoreCase(string text)
                {
                    {{m}} mask;
                    return {{x}}.TryParse(text, true, out mask) ? Ok(mask) : "no";
                }

                public static string ParseIgnoreCase(string text)
                {
                    try { return Ok({{x}}.Parse(text, true)); }
                    catch (System.Exception exception) { return exception.GetType().Name; }
                }

                /// <summary>With ignoreCase false, the overloads taking it read as the ones without it.</summary>
                public static string CaseSensitiveOverloads(string text)
                {
                    {{m}} mask;
                    string parsed;
                    try { parsed = Ok({{x}}.Parse(text, false)); }
                    catch (System.Exception exception) { parsed = exception.GetType().Name; }
                    return ({{x}}.TryParse(text, false, out mask) ? Ok(mask) : "no") + " " + parsed;
                }

                public static string ToStringFast(string bits)
                {
                    try
                    {
                        {{m}} mask = Mask(bits);
                        string text = {{x}}.ToStringFast(mask);
                        return {{(wide ? "mask.ToString() == text ? text : text + \" (ToString() is \" + mask.ToString() + \")\"" : "text")}};
                    }
                    catch (System.Exception exception) { return exception.GetType().Name; }
                }

                /// <summary>What each member taking a register does with the value: ToMask, Contains, With, Without, and the texts.</summary>
                public static string Register(int value)
                {
                    try
                    {
                        {{e}} register = ({{e}})value;
                        {{m}} bit = {{x}}.ToMask(register);
                        return Ok(bit) + " " + {{x}}.Contains({{m}}.All, register) + " " + Ok({{x}}.With({{m}}.None, register)) + " " + Ok({{x}}.Without({{m}}.All, register))
                            + " " + {{x}}.ToStringFast(bit) + " " + bit.ToString() + " " + {{x}}.Count({{x}}.With({{m}}.None, register));
                    }
                    catch (System.Exception exception) { return exception.GetType().Name; }
                }
            {{spanSide}}
            {{enumSide}}
            {{jsonSide}}
            }
            """;
    }

    /// <summary>A text as C# would write it, every character outside printable ASCII escaped: failures show what was parsed.</summary>
    public static string Shown(string? text) =>
        text is null ? "null" : "\"" + string.Concat(text.Select(c => c is < ' ' or > '~' or '"' or '\\' ? $"\\u{(int)c:X4}" : c.ToString())) + "\"";

    public static string Invariant(System.Numerics.BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
