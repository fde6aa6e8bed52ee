namespace RegisterMasks.Generator.Model;

/// <summary>
/// A compile-time check over named sets of one register file, like KVM's
/// <c>static_assert(!(A &amp; B))</c>: sets that must be disjoint, or one that must be a subset of another.
/// </summary>
/// <param name="AttributeName">How messages name the check: <c>[RegisterSetsDisjoint]</c> or <c>[RegisterSetSubset]</c>.</param>
/// <param name="Sets">The sets named, in order (subset first, then superset).</param>
internal sealed record SetInvariantModel(
    bool IsSubset,
    string AttributeName,
    EquatableArray<IncludeReference> Sets,
    LocationInfo Location);

/// <summary>The checks on one declaration, and what was wrong with how they were written.</summary>
internal sealed record SetInvariantsModel(
    EquatableArray<SetInvariantModel> Invariants,
    EquatableArray<DiagnosticInfo> Diagnostics);
