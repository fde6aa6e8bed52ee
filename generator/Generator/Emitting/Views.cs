using System.Collections.Generic;

namespace RegisterMasks.Generator.Emitting;

// What the templates read: every string already formatted, so templates hold layout only.
// Properties are read by Scriban in snake_case (MaskName -> mask_name).

/// <summary>What every mask template reads: where the mask goes, what it is named, and its registers.</summary>
internal abstract class MaskViewBase
{
    public string NamespaceName { get; set; } = "";
    public bool HasNamespace { get; set; }
    public string Accessibility { get; set; } = "";
    public string MaskName { get; set; } = "";
    public string MaskFullName { get; set; } = "";
    public string EnumName { get; set; } = "";

    /// <summary>The enum's name as messages show it, a C# string literal (<c>nameof</c> cannot take <c>global::</c>).</summary>
    public string EnumText { get; set; } = "";
    public int RegisterCount { get; set; }
    public int Width { get; set; }

    /// <summary>The C# literal naming each bit index, <c>null</c> where no register is.</summary>
    public List<string> BitNames { get; set; } = new();

    /// <summary>The target has <c>System.Span&lt;T&gt;</c>: the span members are generated.</summary>
    public bool HasSpan { get; set; }

    /// <summary>The type Parse and TryParse read text as: a span where the target has spans, else the string.</summary>
    public string TextType { get; set; } = "";

    /// <summary>The text helpers of Parse and TryParse (<c>ParseText.sbn</c>) over <see cref="TextType"/>.</summary>
    public string ParseText { get; set; } = "";

    /// <summary>The numbers a mask of this width takes, as Parse's overflow message says: <c>0 to 255</c>.</summary>
    public string NumberRange { get; set; } = "";

    /// <summary>A struct mask over words (never holds a bit outside All) rather than an enum.</summary>
    public bool IsWide { get; set; }

    /// <summary>C# 8 or later: the file says <c>#nullable enable</c> and annotates what may be null.</summary>
    public bool HasNullable { get; set; }

    /// <summary>With <see cref="HasNullable"/>, <c>?</c> after a type that may be null; else nothing.</summary>
    public string Nullable { get; set; } = "";

    /// <summary>With <see cref="HasNullable"/>, <c>!</c> after a read that cannot be null (a register's name); else nothing.</summary>
    public string NotNull { get; set; } = "";

    /// <summary>TryParse's names by hash.</summary>
    public List<NameCaseView> NameCases { get; set; } = new();

    /// <summary>The target references System.Text.Json: a JSON converter is generated and attached.</summary>
    public bool HasJson { get; set; }

    /// <summary>With <see cref="HasJson"/>, System.Text.Json 6.0 or later: the converter reads and writes dictionary keys.</summary>
    public bool HasJsonPropertyNames { get; set; }

    /// <summary>
    /// What ParseCore reads text into: the enum mask's number (<c>ulong</c>, which may hold bits that name no register, as
    /// Enum.Parse's may), the struct mask itself (never outside All). Its type, the name of the out parameter, and its zero.
    /// </summary>
    public string ParsedType { get; set; } = "";

    /// <summary>See <see cref="ParsedType"/>: <c>bits</c> or <c>mask</c>.</summary>
    public string Parsed { get; set; } = "";

    /// <summary>See <see cref="ParsedType"/>: <c>0UL</c> or the mask's <c>None</c>.</summary>
    public string ParsedNone { get; set; } = "";

    /// <summary>The method that makes a register its mask: <c>ToMask</c>, or a register class's <c>To{Mask}</c>.</summary>
    public string ToMask { get; set; } = "ToMask";

    /// <summary>A register class: its bits are not the enum's values, and <c>ClassMapping.sbn</c> maps between them.</summary>
    public bool IsClass { get; set; }

    /// <summary>A class whose values run consecutively: the mapping is a subtraction, else a switch and a table.</summary>
    public bool IsConsecutive { get; set; }

    /// <summary>A class holding every value of its enum's type: the switch's last case is its default, since no other value exists (a default of its own would be unreachable code).</summary>
    public bool ClassCoversEveryValue { get; set; }

    /// <summary>A class's bit 0 register, <c>global::</c>-qualified (the consecutive mapping's origin).</summary>
    public string FirstRegister { get; set; } = "";

    /// <summary>A class's registers, one per bit, ascending.</summary>
    public List<MemberView> ClassCases { get; set; } = new();

    /// <summary><c>register</c>'s index as a <c>ulong</c>, past every bit when it names none: its value for a file, its bit for a class.</summary>
    public string RegisterIndex { get; set; } = "unchecked((ulong)register)";

    /// <summary><c>register</c>'s bit as an <c>int</c>, for a register the mask is known to hold.</summary>
    public string RegisterBit { get; set; } = "(int)register";

    /// <summary>Around an <c>int</c> bit index, the register of that bit: a cast for a file, <c>RegisterAt(...)</c> for a class.</summary>
    public string RegisterAt { get; set; } = "";

    /// <summary>See <see cref="RegisterAt"/>: what closes it.</summary>
    public string RegisterAtEnd { get; set; } = "";
    /// <summary>
    /// Every name TryParse reads, in the order <c>Enum.TryParse</c> with ignoreCase tries them: ascending value (None, the
    /// registers by index with each alias beside its register, All). Of names that differ only in case, the first wins.
    /// </summary>
    public List<NameEntryView> NamesByValue { get; set; } = new();

    /// <summary><c>global::{Namespace}.{Mask}Extensions</c>: what <c>{Mask}Ops</c> calls.</summary>
    public string ExtensionsFullName { get; set; } = "";

    /// <summary>The target has static abstract interface members (and the name is free): <c>{Mask}Ops</c> is generated.</summary>
    public bool HasOps { get; set; }

    /// <summary><c>IRegisterMaskOps&lt;{Mask}, {Enum}&gt;</c> in the attributes' namespace, fully qualified.</summary>
    public string OpsInterface { get; set; } = "";

    /// <summary>C# 14 or later: the extensions' static members are declared in an extension block on the mask type.</summary>
    public bool HasExtensionBlocks { get; set; }
}

/// <summary>What <c>RegisterMaskOps.sbn</c> reads: the namespace of the interface (the attributes').</summary>
internal sealed class OpsInterfaceView
{
    public string NamespaceName { get; set; } = "";
}

/// <summary>What <c>ParseText.sbn</c> reads: the type of the text it reads.</summary>
internal sealed class ParseTextView
{
    public bool IsSpan { get; set; }
    public string TextType { get; set; } = "";
}

internal sealed class MaskView : MaskViewBase
{
    public string Underlying { get; set; } = "";

    /// <summary>The mask's bytes: ToStringFast sums its names' lengths a byte at a time.</summary>
    public int ByteCount { get; set; }
    public string AllLiteral { get; set; } = "";
    public string AllBits { get; set; } = "";
    public string WordBits { get; set; } = "";
    /// <summary>The bit of an index already known to be in the width: the shift, ANDed with All where the file has gaps.</summary>
    public string ToMaskExpression { get; set; } = "";

    /// <summary>Contains' bit test, for an index known to be below <see cref="RegisterBound"/>: the mask's word, ANDed with All where there are gaps, and the shift.</summary>
    public string ContainsExpression { get; set; } = "";

    /// <summary>Some index below <see cref="RegisterBound"/> names no register: ToMask must AND with All.</summary>
    public bool HasGaps { get; set; }

    /// <summary>The highest register's index + 1: ToMask's one compare.</summary>
    public string RegisterBound { get; set; } = "";
    public List<MemberView> Members { get; set; } = new();
}

internal sealed class MemberView
{
    /// <summary>The register's name as an identifier in code: <c>@class</c> for a keyword.</summary>
    public string Name { get; set; } = "";

    /// <summary>The register's name as text: what Enum.ToString() gives and TryParse reads.</summary>
    public string Text { get; set; } = "";

    public string Literal { get; set; } = "";
    public int Index { get; set; }
}

/// <summary>One <c>case</c> of ToStringFast: a defined value and the text Enum.ToString() gives it.</summary>
/// <summary>One hash TryParse switches on, and the names with that hash.</summary>
internal sealed class NameCaseView
{
    public string Hash { get; set; } = "";
    public List<NameEntryView> Entries { get; set; } = new();
}

internal sealed class NameEntryView
{
    public string Text { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>A user's type reopened as partial declarations, from the namespace down, to add members to.</summary>
internal abstract class ReopenedTypeView
{
    public string NamespaceName { get; set; } = "";
    public bool HasNamespace { get; set; }
    public List<ContainerView> Containers { get; set; } = new();
    public List<ContainerView> ContainersInnermostFirst { get; set; } = new();
    public string MemberIndent { get; set; } = "";
}

/// <summary>One type's set constants: its namespace block, a piece of its namespace's file (<see cref="SetsFileView"/>).</summary>
internal sealed class SetsView : ReopenedTypeView
{
    public List<ConstantView> Constants { get; set; } = new();
}

/// <summary>The header of a namespace's file of catalogs and set constants, above the pieces joined under it.</summary>
internal sealed class SetsFileView
{
    /// <summary>C# 8 or later: the file says <c>#nullable enable</c>.</summary>
    public bool HasNullable { get; set; }
}

internal sealed class ContainerView
{
    public string Indent { get; set; } = "";
    public string Keyword { get; set; } = "";
    public string Name { get; set; } = "";
}

internal sealed class ConstantView
{
    public string Name { get; set; } = "";
    public string Accessibility { get; set; } = "";
    public string MaskFullName { get; set; } = "";
    public List<string> SummaryLines { get; set; } = new();
    public string Remarks { get; set; } = "";
    public string Modifier { get; set; } = "";
    public List<string> ValueLines { get; set; } = new();

    /// <summary>An ordered set's <c>{NAME}_ORDER</c>; null for an unordered one.</summary>
    public OrderView? Order { get; set; }
}

/// <summary>An ordered set's registers: a span over a static array where the target has spans, else a read-only list.</summary>
internal sealed class OrderView
{
    public string Name { get; set; } = "";
    public string Field { get; set; } = "";
    public string Type { get; set; } = "";
    public bool IsSpan { get; set; }
    public string EnumFullName { get; set; } = "";
    public string Listing { get; set; } = "";
    public List<string> Registers { get; set; } = new();
}

internal sealed class CatalogView
{
    public string NamespaceName { get; set; } = "";
    public bool HasNamespace { get; set; }
    public string Accessibility { get; set; } = "";
    public string ClassName { get; set; } = "";
    public bool IsWide { get; set; }
    public string MaskFullName { get; set; } = "";
    public string EnumName { get; set; } = "";
    public List<CatalogEntryView> Entries { get; set; } = new();
    public List<CatalogGroupView> Groups { get; set; } = new();
}

internal sealed class CatalogEntryView
{
    public string Name { get; set; } = "";
    public string DeclaringType { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>The sets sharing one value: NameOf returns their names for it.</summary>
internal sealed class CatalogGroupView
{
    public string Value { get; set; } = "";
    public string Names { get; set; } = "";
}

internal sealed class CacheView : ReopenedTypeView
{
    public string Accessibility { get; set; } = "";
    public string MaskFullName { get; set; } = "";
    public string ExtensionsFullName { get; set; } = "";
    public string EnumName { get; set; } = "";

    /// <summary>The method that makes a register its mask (<c>ToMask</c>, a class's <c>To{Mask}</c>).</summary>
    public string ToMask { get; set; } = "ToMask";

    /// <summary>A register's slot in the values: its value for a file, its bit for a class.</summary>
    public string SlotOf { get; set; } = "(int)register";

    /// <summary>With <c>ValueType</c>: an array of values beside the masks, read and written through the cache.</summary>
    public bool HasValues { get; set; }
    public string ValueType { get; set; } = "";
    public string ValueAccessibility { get; set; } = "";
    public string SlotCount { get; set; } = "";
}

/// <summary>A wide mask: a readonly struct over 64-bit words, with the enum mask's members.</summary>
internal sealed class WideMaskView : MaskViewBase
{
    public int WordCount { get; set; }
    public List<WordView> Words { get; set; } = new();

    /// <summary>Each register, its <see cref="MemberView.Literal"/> the constructor arguments of its bit.</summary>
    public List<MemberView> Members { get; set; } = new();
    public string AllArguments { get; set; } = "";
}

internal sealed class WordView
{
    public int Index { get; set; }
    public string Field { get; set; } = "";

    /// <summary>All's bits in this word, a literal: ToMask ANDs a register's bit with it.</summary>
    public string All { get; set; } = "";
}
