namespace RegisterMasks.Generator.Model;

/// <summary>
/// A compile-time check over named sets of one register file, like KVM's
/// <c>static_assert(!(A &amp; B))</c>: sets that must be disjoint, or one that must be a subset of another.
/// </summary>
/// <param name="AttributeName">How messages name the check: <c>[RegisterSetsDisjoint]</c> or <c>[RegisterSetSubset]</c>.</param>
/// <param name="Sets">The sets named, in order (subset first, then superset; for a partition, the whole, then its parts).</param>
internal sealed record SetInvariantModel(
    InvariantKind Kind,
    string AttributeName,
    EquatableArray<IncludeReference> Sets,
    LocationInfo Location);

/// <summary>The checks on one declaration, and what was wrong with how they were written.</summary>
internal sealed record SetInvariantsModel(
    EquatableArray<SetInvariantModel> Invariants,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Which relation an invariant declares.</summary>
internal enum InvariantKind
{
    Disjoint,
    Subset,
    Partition,
}
