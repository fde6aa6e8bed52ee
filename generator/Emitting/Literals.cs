using System.Globalization;

namespace RegisterMasks.Generator.Emitting;

/// <summary>How numbers are written into generated code: invariant culture, typed by the mask's width.</summary>
internal static class Literals
{
    public static string UnderlyingType(int width) => width switch
    {
        8 => "byte",
        16 => "ushort",
        32 => "uint",
        _ => "ulong",
    };

    /// <summary>The suffix that types an integer literal as the underlying type (none for byte and ushort).</summary>
    private static string Suffix(int width) => width switch
    {
        32 => "u",
        64 => "UL",
        _ => "",
    };

    /// <summary>A register's bit, as the spec shows it: <c>1u &lt;&lt; 5</c>.</summary>
    public static string Bit(int index, int width) => "1" + Suffix(width) + " << " + Invariant(index);

    /// <summary>A mask value in hex, padded to the width: <c>0x0180FFEFu</c>.</summary>
    public static string Hex(ulong value, int width) => "0x" + HexDigits(value, width) + Suffix(width);

    /// <summary>The digits alone, as the doc comments show them: <c>0x0180FFEF</c>.</summary>
    public static string HexDigits(ulong value, int width) => value.ToString("X" + Invariant(width / 4), CultureInfo.InvariantCulture);

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A C# string literal.</summary>
    public static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Text made safe inside an XML doc comment.</summary>
    public static string XmlEscaped(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
