namespace RegisterMasks.Generator.Model;

/// <summary>A <c>[RegisterCache]</c> type, as the parser saw it.</summary>
/// <param name="FileKey">The register file's enum full name; null when <c>typeof</c> named no register file (RM0006 reported).</param>
/// <param name="HasErrors">True when the type cannot take the generated members (RM0011).</param>
internal sealed record RegisterCacheModel(
    string FullName,
    string Namespace,
    EquatableArray<ContainingType> Containers,
    string? FileKey,
    bool HasErrors,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A register cache to emit: where, and over which mask.</summary>
internal sealed record RegisterCacheOutput(
    string HintName,
    string Namespace,
    EquatableArray<ContainingType> Containers,
    string MaskFullName,
    string EnumFullName,
    bool IsPublic);
