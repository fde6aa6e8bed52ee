using Microsoft.CodeAnalysis.CSharp;

namespace RegisterMasks.Tests.Modelling;

/// <summary>One member of a random register enum.</summary>
/// <param name="Name">The name as the compiler sees it (<c>class</c> is written <c>@class</c>).</param>
/// <param name="IsAlias">Marked <c>[RegisterAlias]</c>: shares the index of a register that is not one, on purpose.</param>
internal sealed record ModelMember(string Name, int Index, bool IsSentinel, bool IsAlias = false)
{
    public string Written => SyntaxFacts.GetKeywordKind(Name) != SyntaxKind.None ? "@" + Name : Name;
}

/// <summary>One random <c>[RegisterSet]</c>; registers are positions in <see cref="ModelCase.Members"/>.</summary>
internal sealed record ModelSet(
    string Name,
    int Container,
    int[] Listed,
    (int From, int To)? Range,
    string[] Includes,
    int[] Excluded,
    bool NamesFile,
    string? Summary,
    bool Ordered = false);

/// <summary>A random <c>[RegisterSetsDisjoint]</c> (two or more sets) or <c>[RegisterSetSubset]</c> (subset, superset).</summary>
internal sealed record ModelInvariant(bool IsDisjoint, string[] Sets);

/// <summary>How the types bearing sets are declared: each shape reaches its constants differently.</summary>
internal enum ContainerKind { StaticClass, Struct, Record, Nested, Generic }

/// <summary>
/// A register file and its sets drawn at random, always valid, with what the contract says the
/// generator must make of them: every mask, every set's registers, and which warnings and
/// invariant errors it must report. The reference model is deliberately naive (sets of ints).
/// </summary>
internal sealed record ModelCase(
    int Seed,
    int Width,
    string Underlying,
    string? Namespace,
    bool FileScopedNamespace,
    string EnumName,
    string? MaskName,
    ModelMember[] Members,
    ContainerKind[] Containers,
    ModelSet[] Sets,
    ModelInvariant[] Invariants)
{
    public string Mask => MaskName ?? EnumName + "Mask";

    public string Qualified(string name) => Namespace is null ? "global::" + name : $"global::{Namespace}.{name}";

    public IEnumerable<ModelMember> Registers => Members.Where(member => !member.IsSentinel);

    public bool HasAliases => Registers.GroupBy(member => member.Index).Any(group => group.Count() > 1);

    /// <summary>Two registers share an index and neither is marked <c>[RegisterAlias]</c>: RM0004.</summary>
    public bool HasUnmarkedAliases => Registers.Where(member => !member.IsAlias).GroupBy(member => member.Index).Any(group => group.Count() > 1);

    /// <summary>The name each register index shows in text: of the members not marked alias, the last declared.</summary>
    public IEnumerable<string> ShownNames =>
        Registers.GroupBy(member => member.Index).OrderBy(group => group.Key).Select(group => group.Last(member => !member.IsAlias).Name);

    public SortedSet<int> All => new(Registers.Select(member => member.Index));

    /// <summary>The set's registers by the contract: <c>(listed ∪ [From..To] ∪ includes) \ exclude</c>.</summary>
    public SortedSet<int> Value(ModelSet set)
    {
        var value = new SortedSet<int>(set.Listed.Select(position => Members[position].Index));
        value.UnionWith(RangeIndices(set));
        foreach (var include in set.Includes)
        {
            value.UnionWith(include == "All" ? All : Value(Sets.Single(other => other.Name == include)));
        }
        value.ExceptWith(set.Excluded.Select(position => Members[position].Index));
        return value;
    }

    /// <summary>An ordered set's registers by the contract: listed, then the range ascending, then each include in its own order; first place kept, only the value's.</summary>
    public List<int> Order(ModelSet set)
    {
        var value = Value(set);
        var order = new List<int>();
        void Place(IEnumerable<int> indices) => order.AddRange(indices.Where(index => value.Contains(index) && !order.Contains(index)).Distinct().ToList());
        Place(set.Listed.Select(position => Members[position].Index));
        Place(RangeIndices(set));
        foreach (var include in set.Includes)
        {
            var target = include == "All" ? null : Sets.Single(other => other.Name == include);
            Place(target is null ? All : target.Ordered ? Order(target) : Value(target));
        }
        return order;
    }

    public SortedSet<int> Value(string setName) => setName == "All" ? All : Value(Sets.Single(set => set.Name == setName));

    /// <summary>The RM IDs the generator must report, no more and no fewer.</summary>
    public SortedSet<string> ExpectedDiagnosticIds()
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        if (HasUnmarkedAliases)
        {
            ids.Add("RM0004");
        }
        foreach (var set in Sets)
        {
            if (IsRedundant(set))
            {
                ids.Add("RM0012");
            }
            if (Value(set).Count == 0)
            {
                ids.Add("RM0013");
            }
        }
        foreach (var invariant in Invariants)
        {
            if (invariant.IsDisjoint && Pairs(invariant.Sets).Any(pair => Value(pair.A).Overlaps(Value(pair.B))))
            {
                ids.Add("RM0014");
            }
            if (!invariant.IsDisjoint && !Value(invariant.Sets[0]).IsSubsetOf(Value(invariant.Sets[1])))
            {
                ids.Add("RM0015");
            }
        }
        return ids;
    }

    /// <summary>A register listed twice (the range counts as listing), or excluded while absent.</summary>
    private bool IsRedundant(ModelSet set)
    {
        var listed = RangeIndices(set).ToList();
        listed.AddRange(set.Listed.Select(position => Members[position].Index));
        if (listed.Count != listed.Distinct().Count())
        {
            return true;
        }
        var value = new SortedSet<int>(listed);
        foreach (var include in set.Includes)
        {
            value.UnionWith(Value(include));
        }
        return set.Excluded.Any(position => !value.Remove(Members[position].Index));
    }

    /// <summary>The registers' indices from <c>From</c> to <c>To</c>, each once; none without a range.</summary>
    private IEnumerable<int> RangeIndices(ModelSet set) =>
        set.Range is var (from, to) ? All.Where(index => index >= Members[from].Index && index <= Members[to].Index) : Enumerable.Empty<int>();

    /// <summary>Every unordered pair of the names.</summary>
    public static IEnumerable<(string A, string B)> Pairs(IReadOnlyList<string> sets) =>
        sets.SelectMany((a, i) => sets.Skip(i + 1).Select(b => (a, b)));
}
