namespace RegisterMasks.Generator.Model;

/// <summary>A bit of a mask: the register index and the member name that stands for it.</summary>
internal sealed record MaskBit(string Name, int Index);

/// <summary>Everything the emitter needs to write one register file's mask and extensions.</summary>
/// <param name="Members">One per register, in index order; aliases keep declaration order among themselves.</param>
/// <param name="Bits">One per index that has a register, ascending, with the name that shows for it (see <see cref="SetConstantModel.Bits"/>).</param>
internal sealed record MaskModel(
    string HintName,
    string Namespace,
    string MaskName,
    string EnumFullName,
    bool IsPublic,
    int Width,
    EquatableArray<MaskBit> Members,
    EquatableArray<MaskBit> Bits)
{
    /// <summary>Whether a JSON converter may be generated, where the target has System.Text.Json (its name is free).</summary>
    public bool MayHaveJsonConverter { get; init; } = true;

    /// <summary>The key of its register file or class (<see cref="RegisterFileModel.Key"/>), for analyzers that look a mask up.</summary>
    public string RegisterFileKey { get; init; } = "";

    /// <summary>Whether a <c>{Mask}Ops</c> may be generated, where the target has static abstract interface members (its name is free).</summary>
    public bool MayHaveOps { get; init; } = true;
    /// <summary>The method that makes a register a mask: <c>ToMask</c> for a file, <c>To{MaskName}</c> for a class.</summary>
    public string ToMaskName { get; init; } = "ToMask";

    /// <summary>
    /// A register class: bits are not the enum's values, so a value maps to its bit (and back) by subtraction
    /// when <see cref="IsConsecutive"/>, else by a switch (and a table).
    /// </summary>
    public bool IsClass { get; init; }

    /// <summary>A class whose values run consecutively from its bit 0's.</summary>
    public bool IsConsecutive { get; init; }

    /// <summary>A class holding every value its enum's underlying type has (256 of a <c>byte</c> or <c>sbyte</c> enum): its switch needs no default for other values.</summary>
    public bool CoversEveryValue { get; init; }
}

/// <summary>One set's constant, its value already computed.</summary>
/// <param name="Bits">
/// The set's registers in ascending index, one name per index: of aliases, the one <c>Enum.ToString()</c>
/// shows (the last declared). The resolver decides that name, once, for every output that prints one.
/// </param>
internal sealed record SetConstantModel(
    string Name,
    string MaskFullName,
    bool IsPublic,
    int Width,
    EquatableArray<MaskBit> Bits,
    string? Summary)
{
    public string EnumFullName { get; init; } = "";

    /// <summary>An ordered set's registers in its order (its <c>{NAME}_ORDER</c>); null for an unordered set.</summary>
    public EquatableArray<MaskBit>? Order { get; init; }

    /// <summary>The accessibility the set asks for (null: public); the emitter keeps it within the mask's.</summary>
    public string? Accessibility { get; init; }
}

/// <summary>The constants of one type bearing sets (all its partial declarations merged).</summary>
/// <param name="FileHintName">The file of its namespace's catalogs and set constants, which it is written into with the rest of them.</param>
internal sealed record SetContainerOutput(
    string FileHintName,
    string Namespace,
    EquatableArray<ContainingType> Containers,
    EquatableArray<SetConstantModel> Constants);

/// <summary>Generated text and the file it goes into: a piece of a file (one type's set constants), or a whole file.</summary>
internal sealed record GeneratedText(string HintName, string Text);

/// <summary>The pieces of one namespace's file of catalogs and set constants, in the order they are joined.</summary>
internal sealed record FileFragments(string HintName, EquatableArray<string> Pieces);

/// <summary>One set as the catalog lists it: its name, the type declaring it, and its registers.</summary>
internal sealed record CatalogEntry(string Name, string DeclaringType, EquatableArray<MaskBit> Bits);

/// <summary>Every set of one register file, sorted by name, for the generated <c>{MaskName}Sets</c> class.</summary>
/// <param name="FileHintName">The file of its namespace's catalogs and set constants (<see cref="SetContainerOutput.FileHintName"/>).</param>
internal sealed record CatalogModel(
    string FileHintName,
    string Namespace,
    string MaskName,
    string EnumFullName,
    bool IsPublic,
    int Width,
    EquatableArray<CatalogEntry> Entries)
{
    /// <summary>The key of its register file or class (<see cref="RegisterFileModel.Key"/>).</summary>
    public string RegisterFileKey { get; init; } = "";
}

/// <summary>What resolving every register file and set together gives: the code to write and the diagnostics.</summary>
internal sealed record ResolutionResult(
    EquatableArray<MaskModel> Masks,
    EquatableArray<SetContainerOutput> SetContainers,
    EquatableArray<CatalogModel> Catalogs,
    EquatableArray<RegisterCacheOutput> Caches,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>What nothing annotated resolves to.</summary>
    public static readonly ResolutionResult Empty = new(default, default, default, default, default);
}
