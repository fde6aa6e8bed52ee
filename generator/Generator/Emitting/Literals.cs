using System.Collections.Generic;
using System.Globalization;
using System.Text;

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

    /// <summary>A register's bit, as a hand-written mask would show it: <c>1u &lt;&lt; 5</c>.</summary>
    public static string Bit(int index, int width) => "1" + Suffix(width) + " << " + Invariant(index);

    /// <summary>A mask value in hex, padded to the width: <c>0x0180FFEFu</c>.</summary>
    public static string Hex(ulong value, int width) => "0x" + HexDigits(value, width) + Suffix(width);

    /// <summary>The digits alone, as the doc comments show them: <c>0x0180FFEF</c>.</summary>
    public static string HexDigits(ulong value, int width) => value.ToString("X" + Invariant(width / 4), CultureInfo.InvariantCulture);

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether a width needs the struct mask of 64-bit words rather than an enum.</summary>
    public static bool IsWide(int width) => width > 64;

    /// <summary>The 64-bit words of a set of register indices, lowest word first (never a shift past 63).</summary>
    public static ulong[] Words(IEnumerable<int> indices, int width)
    {
        var words = new ulong[(width + 63) / 64];
        foreach (var index in indices)
        {
            words[index >> 6] |= 1UL << (index & 63);
        }
        return words;
    }

    /// <summary>The hex digits of a value of any width, highest word first: <c>0180FFEF</c>.</summary>
    public static string HexDigits(ulong[] words, int width)
    {
        if (!IsWide(width))
        {
            return HexDigits(words[0], width);
        }
        var digits = new StringBuilder();
        for (var i = words.Length - 1; i >= 0; i--)
        {
            digits.Append(words[i].ToString("X16", CultureInfo.InvariantCulture));
        }
        return digits.ToString();
    }

    /// <summary>A C# string literal.</summary>
    public static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Text made safe inside an XML doc comment.</summary>
    public static string XmlEscaped(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
