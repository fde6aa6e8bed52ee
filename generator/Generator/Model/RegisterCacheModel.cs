namespace RegisterMasks.Generator.Model;

/// <summary>A <c>[RegisterCache]</c> type, as the parser saw it.</summary>
/// <param name="RegisterFileKey">The register file's enum full name (for a holder of register classes, <c>{holder}#</c>, which the resolver resolves); null when <c>typeof</c> named no register file (RM0006 reported).</param>
/// <param name="HasErrors">True when the type cannot take the generated members (RM0011, RM0019).</param>
/// <param name="Values">What <c>ValueType</c> asks the cache to hold; null without one.</param>
internal sealed record RegisterCacheModel(
    string FullName,
    string Namespace,
    EquatableArray<ContainingType> Containers,
    string? RegisterFileKey,
    bool HasErrors,
    CacheValues? Values,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The <c>typeof</c> argument: where to say that a holder's class is not clear.</summary>
    public LocationInfo? RegisterFileLocation { get; init; }
}

/// <summary>The values a cache holds beside its masks (<c>ValueType</c>).</summary>
/// <param name="TypeName">The value type, <c>global::</c>-qualified.</param>
/// <param name="Accessibility">The most the value members can be: public, internal or private, by how visible the value type is.</param>
internal sealed record CacheValues(string TypeName, string Accessibility);

/// <summary>A register cache to emit: where, and over which mask.</summary>
/// <param name="IsClass">Over a register class: a register's slot is its bit, not its value.</param>
/// <param name="ToMaskName">The method that makes a register the mask (<see cref="RegisterFileModel.ToMaskName"/>).</param>
/// <param name="SlotCount">With values: one slot per register index, up to the highest register's.</param>
internal sealed record RegisterCacheOutput(
    string HintName,
    string Namespace,
    EquatableArray<ContainingType> Containers,
    string MaskFullName,
    string EnumFullName,
    bool IsPublic,
    CacheValues? Values,
    bool IsClass,
    string ToMaskName,
    int SlotCount);
