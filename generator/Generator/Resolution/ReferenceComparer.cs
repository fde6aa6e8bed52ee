using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace RegisterMasks.Generator.Resolution;

/// <summary>
/// Identity for models used as keys within one resolution: a set is the same instance wherever the
/// resolver meets it, and a record's own equality would hash every field of it on each lookup.
/// </summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
