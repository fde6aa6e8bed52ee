namespace RegisterMasks.Generator.Model;

/// <summary>A register named by a set (listed, excluded, or a range bound), already checked to be one.</summary>
internal sealed record RegisterReference(string Name, int Index, LocationInfo Location);

/// <summary>A set named in <c>Include</c>, with the argument that named it.</summary>
internal sealed record IncludeReference(string Name, LocationInfo Location);

/// <summary>One <c>[RegisterSet]</c> attribute, as the parser saw it.</summary>
/// <param name="RegisterFileKey">The register file's enum full name; null when it could not be determined (RM0006 reported) or is to be taken from the includes (<see cref="TakesRegisterFileFromIncludes"/>).</param>
/// <param name="Listed">Registers from the constructor and the expanded <c>From</c>..<c>To</c> range, in the order written.</param>
/// <param name="HasErrors">True when the parser reported an error: the set emits nothing, and sets including it are skipped silently.</param>
internal sealed record RegisterSetModel(
    string Name,
    string? RegisterFileKey,
    EquatableArray<RegisterReference> Listed,
    EquatableArray<IncludeReference> Includes,
    EquatableArray<RegisterReference> Excluded,
    string? Summary,
    LocationInfo NameLocation,
    LocationInfo AttributeLocation,
    bool HasErrors)
{
    /// <summary>It names no register and no RegisterFile, but includes sets: the resolver takes its file from theirs.</summary>
    public bool TakesRegisterFileFromIncludes { get; init; }

    /// <summary>
    /// For a set whose register file was taken from the enum of the members it names (not named by
    /// <c>RegisterFile</c>, not on a class holder): those members' names, as written, so that the resolver
    /// can tell when a register class of the same enum holds every one of them too (RM0006). Null otherwise.
    /// </summary>
    public EquatableArray<string>? MembersNamedForFile { get; init; }

    /// <summary>Where to say that its file could not be determined: the attribute's name.</summary>
    public LocationInfo? RegisterFileLocation { get; init; }

    /// <summary><c>Ordered = true</c>: a <c>{NAME}_ORDER</c> list is generated beside the constant.</summary>
    public bool IsOrdered { get; init; }

    /// <summary>How many of <see cref="Listed"/>, at its start, come from <c>From</c>..<c>To</c> (the order puts them after the others).</summary>
    public int RangeLength { get; init; }

    /// <summary>
    /// A set over a register class, whose class the resolver decides (it sees every class): registers are
    /// read by member, with <see cref="RegisterReference.Index"/> the member's value until the resolver
    /// puts the bit there. Null for a set of a <c>[RegisterFile]</c>.
    /// </summary>
    public ClassSetReading? Class { get; init; }

    /// <summary><c>Accessibility</c> as C# writes it (<c>private protected</c>), checked; null for the default, public.</summary>
    public string? Accessibility { get; init; }
}

/// <summary>What a set over a register class names, for the resolver to find its class.</summary>
/// <param name="EnumFullName">The enum of the registers written; null when none is written (the holder decides).</param>
/// <param name="EnumDisplayName">The enum as messages name it.</param>
/// <param name="Holder">The holder the set names (<c>RegisterFile = typeof(Holder)</c>) or is declared on; null to infer it by member.</param>
/// <param name="HolderNamed">The holder was named by <c>RegisterFile</c>, not only the type the set is declared on.</param>
/// <param name="RangeFrom">With <paramref name="RangeTo"/>: a range over the class's bits, expanded once the class is known.</param>
/// <param name="FirstArgument">The first register argument as written (quoted), for RM0006 when the enum has no class.</param>
internal sealed record ClassSetReading(
    string? EnumFullName,
    string EnumDisplayName,
    string? Holder,
    bool HolderNamed,
    RegisterReference? RangeFrom,
    RegisterReference? RangeTo,
    string FirstArgument,
    LocationInfo? FirstArgumentLocation);

/// <summary>One type around the sets' constants, outermost first: enough to reopen it as a partial declaration.</summary>
/// <param name="Keyword">class, struct, interface, record or record struct.</param>
/// <param name="NameWithTypeParameters">The name as declared, with its type parameter list.</param>
internal sealed record ContainingType(string Keyword, string NameWithTypeParameters);

/// <summary>A type (one partial declaration of it) bearing <c>[RegisterSet]</c> attributes.</summary>
/// <param name="FullName">Its metadata name, unique per type: merges partial declarations, and orders the types of a namespace's generated file.</param>
/// <param name="IsPartial">Whether it and every type around it are partial, so that constants can be added (RM0011 otherwise).</param>
internal sealed record SetContainerModel(
    string FullName,
    string DisplayName,
    string Namespace,
    EquatableArray<ContainingType> Containers,
    bool IsPartial,
    EquatableArray<RegisterSetModel> Sets,
    EquatableArray<DiagnosticInfo> Diagnostics);
