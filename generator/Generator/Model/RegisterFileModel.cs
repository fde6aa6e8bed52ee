using System.Collections.Generic;
using System.Linq;

namespace RegisterMasks.Generator.Model;

/// <summary>One member of a <c>[RegisterFile]</c> enum, in declaration order.</summary>
/// <param name="Index">The member's value, clamped to <see cref="long"/> (see <paramref name="IndexText"/>).</param>
/// <param name="IndexText">The value as written in messages, exact even past <see cref="long.MaxValue"/>.</param>
/// <param name="IsRegister">False for <c>[NotARegister]</c> sentinels, which get no bit.</param>
/// <param name="HasBit">
/// Whether the mask gets a bit for it: a register whose index fits the width and whose name the mask
/// can take. One that cannot is reported where it is declared, and left out of the mask and of every
/// set that names it, so that the rest of the file still generates.
/// </param>
/// <param name="IsAlias">
/// Marked <c>[RegisterAlias]</c>: it names the bit of another register of its index on purpose
/// (no RM0004), and that register, not it, names the bit in text.
/// </param>
internal sealed record RegisterModel(string Name, long Index, string IndexText, bool IsRegister, LocationInfo Location)
{
    public bool HasBit { get; init; } = IsRegister;

    public bool IsAlias { get; init; }
}

/// <summary>A <c>[RegisterFile]</c> enum, as the parser saw it.</summary>
/// <param name="EnumFullName">The enum's <c>global::</c>-qualified name: the key sets refer to it by.</param>
/// <param name="EnumName">The enum's name as a user reads it in messages.</param>
/// <param name="Namespace">The namespace the mask is generated in, empty for the global namespace.</param>
/// <param name="IsPublic">Whether the enum is visible outside its assembly (the mask gets the same).</param>
/// <param name="Width">The width in bits, already checked to be supported when <paramref name="IsUsable"/>.</param>
/// <param name="IsUsable">
/// Whether a mask can be generated at all: a supported width, a free and valid mask name, an enum the
/// namespace can name. A register with an error of its own does not make the file unusable (see <see cref="RegisterModel.HasBit"/>).
/// </param>
/// <param name="Diagnostics">What the parser found wrong with this file alone.</param>
internal sealed record RegisterFileModel(
    string EnumFullName,
    string EnumName,
    string Namespace,
    string MaskName,
    bool IsPublic,
    int Width,
    EquatableArray<RegisterModel> Members,
    LocationInfo MaskNameLocation,
    bool IsUsable,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>A type of the user's already has the name of the mask's JSON converter: none is generated.</summary>
    public bool JsonConverterTaken { get; init; }

    /// <summary>A type of the user's already has the name of the mask's <c>{Mask}Ops</c>: none is generated.</summary>
    public bool OpsTaken { get; init; }
    /// <summary>
    /// For a register class (<c>[RegisterClass]</c>), the holder's <c>global::</c>-qualified name; null for a
    /// <c>[RegisterFile]</c> enum. A class's <see cref="RegisterModel.Index"/> is the member's bit, not its value,
    /// and <see cref="EnumName"/> is the mask's name (what messages call the class).
    /// </summary>
    public string? ClassHolder { get; init; }

    /// <summary>A class whose members' values run consecutively in bit order: a value maps to its bit by subtraction.</summary>
    public bool IsConsecutive { get; init; }

    /// <summary>A class holding every value of its enum's underlying type (256 members of a <c>byte</c> or <c>sbyte</c> enum).</summary>
    public bool CoversEveryValue { get; init; }

    /// <summary>Whether this is a register class rather than a register file.</summary>
    public bool IsClass => ClassHolder is not null;

    /// <summary>The method that makes a register its mask: <c>ToMask</c> for a file, <c>To{MaskName}</c> for a class (two classes of one enum would make <c>ToMask</c> ambiguous).</summary>
    public string ToMaskName => IsClass ? RegisterMasks.Shared.GeneratedMasks.ClassConversionName(MaskName) : "ToMask";

    /// <summary>
    /// What sets, caches and invariants refer to it by: a file's enum full name; a class's holder and mask
    /// name (a holder may bear several classes, and one enum may have several classes).
    /// </summary>
    public string Key => ClassHolder is null ? EnumFullName : ClassKey(ClassHolder, MaskName);

    /// <summary>A class's <see cref="Key"/>: '#' is in no C# name, so no class key is a file's.</summary>
    public static string ClassKey(string holder, string maskName) => holder + "#" + maskName;

    /// <summary>The registers that have a bit, in declaration order.</summary>
    public IEnumerable<RegisterModel> Registers => Members.Where(member => member.HasBit);
}
