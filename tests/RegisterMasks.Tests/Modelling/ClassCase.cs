using System.Numerics;
using Microsoft.CodeAnalysis.CSharp;

namespace RegisterMasks.Tests.Modelling;

/// <summary>One member of a random enum that register classes choose from.</summary>
/// <param name="IsSentinel">Marked <c>[NotARegister]</c> (only in an enum of the case's own source): no class holds it.</param>
internal sealed record ClassEnumMember(string Name, BigInteger Value, bool IsSentinel = false)
{
    public string Written => SyntaxFacts.GetKeywordKind(Name) != SyntaxKind.None ? "@" + Name : Name;
}

/// <summary>How a <c>[RegisterClass]</c> chooses its members.</summary>
internal enum ClassChoice
{
    /// <summary><c>From</c>/<c>To</c>: the members declared from one to the other.</summary>
    Range,

    /// <summary><c>Registers</c>: these members, in the order written.</summary>
    Listed,

    /// <summary>Neither: every member of the enum.</summary>
    Every,
}

/// <summary>Where a class's set is declared, and so how it finds its class.</summary>
internal enum SetPlacement
{
    /// <summary>On the class's holder.</summary>
    OnHolder,

    /// <summary>Elsewhere, with <c>RegisterFile = typeof(Holder)</c>.</summary>
    NamesHolder,

    /// <summary>Elsewhere, with neither: the one class holding every member it names (or, naming none, the class of the sets it includes).</summary>
    ByMember,
}

/// <summary>
/// One random <c>[RegisterClass]</c>. Positions are into <see cref="ClassCase.Members"/>;
/// <see cref="Bits"/> is the reference model's answer: the member of each bit, bit 0 first.
/// </summary>
/// <param name="WidthWritten">The <c>Width</c> argument; null when left out (as 0 is: the smallest fitting width).</param>
/// <param name="Cached">A <c>[RegisterCache(typeof(Holder))]</c> caches it (only when its holder bears no other class).</param>
internal sealed record ClassModel(
    string MaskName,
    int Holder,
    ClassChoice Choice,
    int From,
    int To,
    int[] Listed,
    int[] Excluded,
    int? WidthWritten,
    bool Cached,
    int[] Bits)
{
    public int Width => WidthWritten is > 0 ? WidthWritten.Value : ClassCase.SupportedWidths.First(width => width >= Bits.Length);
}

/// <summary>One random <c>[RegisterSet]</c> of a class; registers are the class's bits.</summary>
internal sealed record ClassSetModel(
    string Name,
    int Class,
    SetPlacement Placement,
    int[] Listed,
    (int From, int To)? Range,
    string[] Includes,
    int[] Excluded,
    bool Ordered);

/// <summary>
/// A random enum (possibly of another assembly, with no attribute), one to three register classes over it,
/// and their sets, always valid, with the reference model of what the generator must make of them.
/// The model is naive on purpose: a class is the list of its members; a set is a set of bit numbers.
/// </summary>
internal sealed record ClassCase(
    int Seed,
    string Namespace,
    bool FileScopedNamespace,
    string EnumNamespace,
    string EnumName,
    string Underlying,
    bool Foreign,
    ClassEnumMember[] Members,
    bool[] HolderIsStruct,
    ClassModel[] Classes,
    ClassSetModel[] Sets)
{
    public static readonly int[] SupportedWidths = { 8, 16, 32, 64, 128, 192, 256, 320, 384, 448, 512, 576, 640, 704, 768, 832, 896, 960, 1024 };

    public string QualifiedEnum => $"global::{EnumNamespace}.{EnumName}";

    public string Qualified(string name) => $"global::{Namespace}.{name}";

    public string HolderName(int holder) => $"Holder{holder}";

    /// <summary>A C# expression naming the member at a position of the enum.</summary>
    public string Expression(int position) => $"{QualifiedEnum}.{Members[position].Written}";

    /// <summary>The classes its holder bears.</summary>
    public IEnumerable<ClassModel> OnHolder(int holder) => Classes.Where(model => model.Holder == holder);

    /// <summary>The class's bit for an enum value: the bit of its member of that value (values are distinct within a class), or null.</summary>
    public int? BitOfValue(ClassModel model, BigInteger value)
    {
        var bit = Array.FindIndex(model.Bits, position => Members[position].Value == value);
        return bit < 0 ? null : bit;
    }

    /// <summary>The set's bits by the contract: <c>(listed ∪ [From..To] ∪ includes) \ exclude</c>, within its class.</summary>
    public SortedSet<int> Value(ClassSetModel set)
    {
        var value = new SortedSet<int>(set.Listed);
        value.UnionWith(RangeBits(set));
        foreach (var include in set.Includes)
        {
            value.UnionWith(Value(set.Class, include));
        }
        value.ExceptWith(set.Excluded);
        return value;
    }

    public SortedSet<int> Value(int model, string setName) =>
        setName == "All" ? new SortedSet<int>(Enumerable.Range(0, Classes[model].Bits.Length)) : Value(Sets.Single(set => set.Name == setName));

    /// <summary>An ordered set's bits: listed, then the range ascending, then each include in its own order; first place kept.</summary>
    public List<int> Order(ClassSetModel set)
    {
        var value = Value(set);
        var order = new List<int>();
        void Place(IEnumerable<int> bits) => order.AddRange(bits.Where(bit => value.Contains(bit) && !order.Contains(bit)).Distinct().ToList());
        Place(set.Listed);
        Place(RangeBits(set));
        foreach (var include in set.Includes)
        {
            var target = include == "All" ? null : Sets.Single(other => other.Name == include);
            Place(target is null ? Value(set.Class, "All") : target.Ordered ? Order(target) : Value(target));
        }
        return order;
    }

    public static IEnumerable<int> RangeBits(ClassSetModel set) =>
        set.Range is var (from, to) ? Enumerable.Range(from, to - from + 1) : Enumerable.Empty<int>();

    /// <summary>The members a set names (listed, excluded, the range's ends), as enum positions: what decides its class.</summary>
    public IEnumerable<int> Named(ClassSetModel set)
    {
        var bits = Classes[set.Class].Bits;
        var named = set.Listed.Concat(set.Excluded).Select(bit => bits[bit]);
        return set.Range is var (from, to) ? named.Concat(new[] { bits[from], bits[to] }) : named;
    }

    /// <summary>What <c>ToStringFast</c> shows for these bits of a class: its members' names, "None", or "All".</summary>
    public string Text(ClassModel model, IEnumerable<int> bits)
    {
        var list = bits.ToList();
        return list.Count == 0 ? "None"
            : list.Count == model.Bits.Length ? "All"
            : string.Join(", ", list.Select(bit => Members[model.Bits[bit]].Name));
    }
}
