using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Emitting;

/// <summary>
/// Turns resolved models into C# source. Pure: the same model gives the same text, byte for byte,
/// on any machine and culture.
/// </summary>
internal static class SourceEmitter
{
    public const string AttributesHintName = GeneratedCode.AttributesHintName;

    public static string Attributes() => EmbeddedText.Attributes;

    /// <summary>The hint name of <c>IRegisterMaskOps</c>, generated once per assembly that has a mask, where the target has static abstract interface members.</summary>
    public const string OpsInterfaceHintName = "RegisterMasks.IRegisterMaskOps.g.cs";

    /// <summary>The interface every <c>{Mask}Ops</c> implements, in the attributes' namespace.</summary>
    public static string OpsInterface() => TemplateSet.Render(TemplateSet.RegisterMaskOps, new OpsInterfaceView { NamespaceName = KnownNames.Namespace });

    public static string Mask(MaskModel mask, TargetFeatures features) =>
        Literals.IsWide(mask.Width)
            ? TemplateSet.Render(TemplateSet.RegisterMaskWide, WideMaskViewOf(mask, features))
            : TemplateSet.Render(TemplateSet.RegisterMask, MaskViewOf(mask, features));

    /// <summary>One type's set constants: its namespace block, a piece of its namespace's file (<see cref="SetsFile"/>).</summary>
    public static string SetsFragment(SetContainerOutput container, TargetFeatures features) =>
        TemplateSet.Render(TemplateSet.RegisterSets, SetsViewOf(container, features)).TrimEnd('\r', '\n');

    /// <summary>
    /// The fragments (<see cref="CatalogFragment"/>, <see cref="SetsFragment"/>) grouped by the namespace file they go
    /// into, each file's in the order they come, which is the resolver's, so deterministic.
    /// </summary>
    public static IEnumerable<FileFragments> SetsFileFragments(IEnumerable<GeneratedText> fragments) =>
        fragments
            .GroupBy(fragment => fragment.HintName, StringComparer.Ordinal)
            .Select(file => new FileFragments(file.Key, file.Select(fragment => fragment.Text).ToEquatableArray()));

    /// <summary>One namespace's file of catalogs and set constants, joined from its fragments.</summary>
    /// <remarks>
    /// The pieces are joined here, under the header the template writes, not passed through the template: Scriban
    /// writing the pieces out took 40 ms of a set edit on a project of 2,048 sets, where joining the strings takes
    /// well under one.
    /// </remarks>
    public static GeneratedText SetsFile(FileFragments file, TargetFeatures features)
    {
        var header = features.HasNullable ? s_setsFileHeaderNullable.Value : s_setsFileHeader.Value;
        var text = new StringBuilder(header.Length + file.Pieces.Sum(piece => piece.Length + 2) + 1).Append(header);
        for (var i = 0; i < file.Pieces.Count; i++)
        {
            text.Append(i == 0 ? "" : "\n\n").Append(file.Pieces[i]);
        }
        return new GeneratedText(file.HintName, text.Append('\n').ToString());
    }

    private static readonly Lazy<string> s_setsFileHeader = new(() => TemplateSet.Render(TemplateSet.RegisterSetsFile, new SetsFileView { HasNullable = false }));
    private static readonly Lazy<string> s_setsFileHeaderNullable = new(() => TemplateSet.Render(TemplateSet.RegisterSetsFile, new SetsFileView { HasNullable = true }));

    /// <summary>One register file's catalog: its namespace block, a piece of its namespace's file (<see cref="SetsFile"/>).</summary>
    public static string CatalogFragment(CatalogModel catalog, TargetFeatures features) =>
        TemplateSet.Render(TemplateSet.RegisterSetCatalog, CatalogViewOf(catalog, features)).TrimEnd('\r', '\n');

    public static string Cache(RegisterCacheOutput cache) => TemplateSet.Render(TemplateSet.RegisterCache, CacheViewOf(cache));

    internal static WideMaskView WideMaskViewOf(MaskModel mask, TargetFeatures features)
    {
        var wordCount = mask.Width / 64;
        var maskFullName = MaskFullName(mask.Namespace, mask.MaskName);
        string Arguments(IEnumerable<int> indices) => string.Join(", ", Literals.Words(indices, mask.Width).Select(word => Literals.Hex(word, 64)));
        var allWords = Literals.Words(mask.Members.Select(member => member.Index), mask.Width);
        return Describe(new WideMaskView
        {
            IsWide = true,
            NumberRange = "0 to 2^" + Literals.Invariant(mask.Width) + " - 1",
            WordCount = wordCount,
            Words = Enumerable.Range(0, wordCount).Select(i => new WordView { Index = i, Field = "_w" + Literals.Invariant(i), All = Literals.Hex(allWords[i], 64) }).ToList(),
            Members = mask.Members.Select(member => new MemberView { Name = SymbolNames.Escaped(member.Name), Text = member.Name, Index = member.Index, Literal = Arguments(new[] { member.Index }) }).ToList(),
            AllArguments = Arguments(mask.Members.Select(member => member.Index)),
            ParsedType = maskFullName,
            Parsed = "mask",
            ParsedNone = maskFullName + ".None",
            NameCases = NameCases(mask, maskFullName + ".None", maskFullName + ".All", member => maskFullName + "." + SymbolNames.Escaped(member.Name)),
            NamesByValue = NamesByValue(mask, maskFullName + ".None", maskFullName + ".All", member => maskFullName + "." + SymbolNames.Escaped(member.Name)),
        }, mask, features);
    }

    internal static CacheView CacheViewOf(RegisterCacheOutput cache)
    {
        var accessibility = cache.IsPublic ? "public" : "internal";
        return Reopen(new CacheView
        {
            Accessibility = accessibility,
            MaskFullName = cache.MaskFullName,
            ExtensionsFullName = cache.MaskFullName + "Extensions",
            EnumName = cache.EnumFullName,
            ToMask = cache.ToMaskName,
            SlotOf = cache.IsClass ? "(int)" + ClassBitOf(cache.MaskFullName) : "(int)register",
            HasValues = cache.Values is not null,
            ValueType = cache.Values?.TypeName ?? "",
            ValueAccessibility = cache.Values is { Accessibility: var most } && most != "public" ? most : accessibility,
            SlotCount = Literals.Invariant(cache.SlotCount),
        }, cache.Namespace, cache.Containers);
    }

    internal static CatalogView CatalogViewOf(CatalogModel catalog, TargetFeatures features)
    {
        var maskFullName = MaskFullName(catalog.Namespace, catalog.MaskName);
        string ValueOf(EquatableArray<MaskBit> bits) => MaskValue(maskFullName, bits.Select(bit => bit.Index), catalog.Width);
        return new CatalogView
        {
            NamespaceName = catalog.Namespace,
            HasNamespace = catalog.Namespace.Length > 0,
            Accessibility = catalog.IsPublic ? "public" : "internal",
            ClassName = catalog.MaskName + "Sets",
            IsWide = Literals.IsWide(catalog.Width),
            MaskFullName = maskFullName,
            EnumName = catalog.EnumFullName,
            Entries = catalog.Entries.Select(entry => new CatalogEntryView
            {
                Name = Literals.Quoted(entry.Name),
                DeclaringType = Literals.Quoted(entry.DeclaringType),
                Value = ValueOf(entry.Bits),
            }).ToList(),
            Groups = catalog.Entries
                .GroupBy(entry => ValueOf(entry.Bits))
                .Select(group => new CatalogGroupView { Value = group.Key, Names = string.Join(", ", group.Select(entry => Literals.Quoted(entry.Name))) })
                .ToList(),
        };
    }

    /// <summary>Fills in what every mask template reads; each bit shows the name resolution gave it.</summary>
    private static TView Describe<TView>(TView view, MaskModel mask, TargetFeatures features)
        where TView : MaskViewBase
    {
        view.HasSpan = features.HasSpan;
        view.TextType = features.HasSpan ? "global::System.ReadOnlySpan<char>" : "string";
        view.ParseText = features.HasSpan ? TemplateSet.SpanParseText : TemplateSet.StringParseText;
        view.HasNullable = features.HasNullable;
        view.Nullable = features.HasNullable ? "?" : "";
        view.NotNull = features.HasNullable ? "!" : "";
        view.HasJson = features.HasJson && mask.MayHaveJsonConverter;
        view.HasJsonPropertyNames = view.HasJson && features.HasJsonPropertyNames;
        view.NamespaceName = mask.Namespace;
        view.HasNamespace = mask.Namespace.Length > 0;
        view.Accessibility = mask.IsPublic ? "public" : "internal";
        view.MaskName = mask.MaskName;
        view.MaskFullName = MaskFullName(mask.Namespace, mask.MaskName);
        view.EnumName = mask.EnumFullName;
        if (mask.IsClass)
        {
            // A register class: bit i is its i-th register, whatever the enum's value, so the value maps to its bit and back.
            view.IsClass = true;
            view.IsConsecutive = mask.IsConsecutive;
            view.ClassCoversEveryValue = mask.CoversEveryValue;
            view.ToMask = mask.ToMaskName;
            view.ClassCases = mask.Bits.Select(bit => new MemberView { Name = mask.EnumFullName + "." + SymbolNames.Escaped(bit.Name), Text = bit.Name, Index = bit.Index }).ToList();
            view.FirstRegister = view.ClassCases.Count > 0 ? view.ClassCases[0].Name : "default(" + mask.EnumFullName + ")";
            view.RegisterIndex = ClassBitOf(mask);
            view.RegisterBit = "(int)" + ClassBitOf(mask);
            view.RegisterAt = MaskFullName(mask.Namespace, mask.MaskName) + "Extensions.RegisterAt(";
            view.RegisterAtEnd = ")";
        }
        else
        {
            view.RegisterAt = "(" + mask.EnumFullName + ")";
        }
        view.EnumText = Literals.Quoted(SymbolNames.WithoutGlobalPrefix(mask.EnumFullName));
        view.ExtensionsFullName = view.MaskFullName + "Extensions";
        view.HasOps = features.HasStaticAbstracts && mask.MayHaveOps;
        view.OpsInterface = "global::" + KnownNames.Namespace + ".IRegisterMaskOps<" + view.MaskFullName + ", " + mask.EnumFullName + ">";
        view.HasExtensionBlocks = features.HasExtensionBlocks;
        view.RegisterCount = mask.Bits.Count; // registers, not names: aliases share their register's bit
        view.Width = mask.Width;
        view.BitNames = Enumerable.Repeat("null", mask.Width).ToList();
        foreach (var bit in mask.Bits)
        {
            view.BitNames[bit.Index] = Literals.Quoted(bit.Name);
        }
        return view;
    }

    /// <summary>
    /// Every name TryParse reads (None, All, each register, aliases too), grouped by the hash the
    /// generated code computes of the text: one switch case per hash, a comparison per name in it.
    /// </summary>
    private static List<NameCaseView> NameCases(MaskModel mask, string none, string all, System.Func<MaskBit, string> valueOf)
    {
        var names = new List<(string Name, string Value)> { ("None", none), ("All", all) };
        names.AddRange(mask.Members.Select(member => (member.Name, valueOf(member))));
        return names
            .GroupBy(entry => NameHash(entry.Name))
            .OrderBy(group => group.Key)
            .Select(group => new NameCaseView
            {
                Hash = "0x" + group.Key.ToString("X8", System.Globalization.CultureInfo.InvariantCulture) + "u",
                Entries = group.Select(entry => new NameEntryView { Text = Literals.Quoted(entry.Name), Value = entry.Value }).ToList(),
            })
            .ToList();
    }

    /// <summary>
    /// Every name TryParse reads in ascending value, the order Enum.TryParse with ignoreCase compares them in (its names sorted
    /// by value): None (0), each register by index (the members come in index order, an alias beside its register: same
    /// value, same result), then All, which is at least every register's bit.
    /// </summary>
    private static List<NameEntryView> NamesByValue(MaskModel mask, string none, string all, System.Func<MaskBit, string> valueOf)
    {
        var names = new List<NameEntryView> { new() { Text = Literals.Quoted("None"), Value = none } };
        names.AddRange(mask.Members.OrderBy(member => member.Index).Select(member => new NameEntryView { Text = Literals.Quoted(member.Name), Value = valueOf(member) }));
        names.Add(new NameEntryView { Text = Literals.Quoted("All"), Value = all });
        return names;
    }

    /// <summary>FNV-1a over UTF-16 code units: the same arithmetic as the generated <c>NameHash</c>.</summary>
    internal static uint NameHash(string text)
    {
        var hash = 2166136261u;
        foreach (var character in text)
        {
            hash = unchecked((hash ^ character) * 16777619u);
        }
        return hash;
    }

    /// <summary>A mask value as a constant expression: a cast hex literal, or for a wide mask its constructor from words.</summary>
    private static string MaskValue(string maskFullName, IEnumerable<int> indices, int width)
    {
        var words = Literals.Words(indices, width);
        return Literals.IsWide(width)
            ? "new " + maskFullName + "(" + string.Join(", ", words.Select(word => Literals.Hex(word, 64))) + ")"
            : "(" + maskFullName + ")" + Literals.Hex(words[0], width);
    }

    /// <summary>A class register's bit, as a <c>ulong</c> past every bit for a value the class does not hold.</summary>
    private static string ClassBitOf(MaskModel mask) => ClassBitOf(MaskFullName(mask.Namespace, mask.MaskName));

    /// <summary>A class's bit of <c>register</c>: its extensions' <c>BitOf</c> (ClassMapping.sbn).</summary>
    private static string ClassBitOf(string maskFullName) => maskFullName + "Extensions.BitOf(register)";

    private static string MaskFullName(string ns, string maskName) => ns.Length == 0 ? "global::" + maskName : "global::" + ns + "." + maskName;

    internal static MaskView MaskViewOf(MaskModel mask, TargetFeatures features)
    {
        var width = mask.Width;
        var maskFullName = MaskFullName(mask.Namespace, mask.MaskName);
        var allBits = mask.Members.Aggregate(0UL, (bits, member) => bits | (1UL << member.Index));
        var underlying = Literals.UnderlyingType(width);

        // ToMask checks the index against the highest register's + 1 (one compare), then shifts in the word (uint up to
        // 32 bits), ANDs with All only where an index below that names no register, and casts to the mask.
        var wordBits = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        var bound = mask.Members.Count == 0 ? 0 : mask.Members.Max(member => member.Index) + 1;
        var hasGaps = allBits != (bound == 64 ? ulong.MaxValue : (1UL << bound) - 1);
        var shiftWidth = width == 64 ? 64 : 32;
        // A class's bit comes from BitOf (a switch, where its values are scattered), computed once into a local the template declares.
        var shifted = $"1{(width == 64 ? "UL" : "u")} << " + (mask.IsClass ? "(int)bit" : "(int)register");
        var bit = hasGaps ? $"({shifted}) & {Literals.Hex(allBits, shiftWidth)}" : shifted;
        var view = Describe(new MaskView
        {
            NumberRange = "0 to " + wordBits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            HasGaps = hasGaps,
            RegisterBound = Literals.Invariant(bound),
            Underlying = underlying,
            ByteCount = width / 8,
            AllLiteral = Literals.Hex(allBits, width),
            AllBits = Literals.Hex(allBits, 64),
            WordBits = Literals.Hex(wordBits, 64),
            ToMaskExpression = $"unchecked(({maskFullName})({bit}))",
            ParsedType = "ulong",
            Parsed = "bits",
            ParsedNone = "0UL",
            ContainsExpression = (width == 64 ? "(ulong)mask" : "(uint)mask") + (hasGaps ? " & " + Literals.Hex(allBits, shiftWidth) : "") + $" & ({shifted})",
            Members = mask.Members.Select(member => new MemberView { Name = SymbolNames.Escaped(member.Name), Text = member.Name, Index = member.Index, Literal = Literals.Bit(member.Index, width) }).ToList(),
            NameCases = NameCases(mask, "0UL", "AllBits", member => "1UL << " + Literals.Invariant(member.Index)),
            NamesByValue = NamesByValue(mask, "0UL", "AllBits", member => "1UL << " + Literals.Invariant(member.Index)),
        }, mask, features);
        if (mask.IsClass)
        {
            view.RegisterIndex = "(bit = " + ClassBitOf(mask) + ")";
        }
        return view;
    }

    internal static SetsView SetsViewOf(SetContainerOutput container, TargetFeatures features)
    {
        var view = Reopen(new SetsView(), container.Namespace, container.Containers);
        view.Constants = container.Constants.Select(constant => ConstantViewOf(constant, features)).ToList();
        return view;
    }

    private static ConstantView ConstantViewOf(SetConstantModel constant, TargetFeatures features)
    {
        var names = constant.Bits.Select(bit => bit.Name).ToList();
        var words = Literals.Words(constant.Bits.Select(bit => bit.Index), constant.Width);
        var listing = names.Count == 0 ? "No register." : string.Join(", ", names) + ".";
        var summary = constant.Summary is { Length: > 0 } written ? written : listing;

        var valueLines = names.Count == 0
            ? new List<string> { constant.MaskFullName + ".None;" }
            : names.Select((name, i) => constant.MaskFullName + "." + SymbolNames.Escaped(name) + (i == names.Count - 1 ? ";" : " |")).ToList();

        return new ConstantView
        {
            Name = SymbolNames.Escaped(constant.Name),
            Accessibility = ConstantAccessibility(constant),
            MaskFullName = constant.MaskFullName,
            SummaryLines = summary.Replace("\r\n", "\n").Split('\n').Select(line => Literals.XmlEscaped(line.TrimEnd())).ToList(),
            Remarks = "0x" + Literals.HexDigits(words, constant.Width) + ": " + listing,
            Modifier = Literals.IsWide(constant.Width) ? "static readonly" : "const",
            ValueLines = valueLines,
            Order = constant.Order is { } order ? OrderViewOf(constant, order, features) : null,
        };
    }

    /// <summary>
    /// What the set asks for, within what its mask allows: a member of an internal type may be seen
    /// only inside the assembly (C# rejects a public constant of an internal type in a public class),
    /// so public becomes internal, protected internal internal, and protected private protected.
    /// </summary>
    private static string ConstantAccessibility(SetConstantModel constant)
    {
        var asked = constant.Accessibility ?? "public";
        return constant.IsPublic ? asked : asked switch
        {
            "public" or "protected internal" => "internal",
            "protected" => "private protected",
            _ => asked,
        };
    }

    private static OrderView OrderViewOf(SetConstantModel constant, EquatableArray<MaskBit> order, TargetFeatures features) => new()
    {
        Name = SymbolNames.OrderName(constant.Name),
        Field = "s_" + SymbolNames.OrderName(constant.Name),
        Type = features.HasSpan
            ? "global::System.ReadOnlySpan<" + constant.EnumFullName + ">"
            : "global::System.Collections.Generic.IReadOnlyList<" + constant.EnumFullName + ">",
        IsSpan = features.HasSpan,
        EnumFullName = constant.EnumFullName,
        Listing = order.Count == 0 ? "no register" : string.Join(", ", order.Select(bit => bit.Name)),
        Registers = order.Select(bit => constant.EnumFullName + "." + SymbolNames.Escaped(bit.Name)).ToList(),
    };

    /// <summary>Fills in the namespace, the partial declarations around the members, and their indents.</summary>
    private static TView Reopen<TView>(TView view, string ns, EquatableArray<ContainingType> containingTypes)
        where TView : ReopenedTypeView
    {
        var depth = ns.Length > 0 ? 1 : 0;
        view.NamespaceName = ns;
        view.HasNamespace = ns.Length > 0;
        view.Containers = containingTypes
            .Select((type, level) => new ContainerView { Indent = Indent(depth + level), Keyword = type.Keyword, Name = type.NameWithTypeParameters })
            .ToList();
        view.ContainersInnermostFirst = Enumerable.Reverse(view.Containers).ToList();
        view.MemberIndent = Indent(depth + view.Containers.Count);
        return view;
    }

    private static string Indent(int level) => new(' ', 4 * level);
}
