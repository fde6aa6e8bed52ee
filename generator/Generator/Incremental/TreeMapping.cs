using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RegisterMasks.Generator.Incremental;

/// <summary>
/// Moves spans read from an older version of a tree to where the same text is in the current one,
/// after body edits only (<see cref="AnnotationReading"/>, rule 2). The two texts are compared once:
/// what they share at the start stays where it is, what they share at the end moves by the change
/// in length, and a span that reaches into the text between has no place (<see cref="TryMap"/> says
/// so, and the caller reads the tree again). Our spans are attribute arguments and declaration
/// names, which a body edit never touches, so in practice every span maps.
/// </summary>
internal sealed class TreeMapping
{
    private readonly int _sharedStart;   // the length of the common prefix
    private readonly int _oldSuffixStart;  // where the common suffix begins in the old text
    private readonly int _shift;           // new length - old length

    private TreeMapping(int sharedStart, int oldSuffixStart, int shift) => (_sharedStart, _oldSuffixStart, _shift) = (sharedStart, oldSuffixStart, shift);

    /// <summary>No change: every span stays.</summary>
    public static readonly TreeMapping Identity = new(int.MaxValue, int.MaxValue, 0);

    public static TreeMapping Between(SyntaxTree older, SyntaxTree current)
    {
        if (ReferenceEquals(older, current))
        {
            return Identity;
        }
        var (before, after) = (older.GetText(), current.GetText());
        var shortest = System.Math.Min(before.Length, after.Length);
        var prefix = 0;
        while (prefix < shortest && before[prefix] == after[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < shortest - prefix && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
        {
            suffix++;
        }
        return new TreeMapping(prefix, before.Length - suffix, after.Length - before.Length);
    }

    /// <summary>The span's place in the current text; false when it reaches into the changed text.</summary>
    public bool TryMap(TextSpan span, out TextSpan mapped)
    {
        if (span.End <= _sharedStart)
        {
            mapped = span;
            return true;
        }
        if (span.Start >= _oldSuffixStart)
        {
            mapped = new TextSpan(span.Start + _shift, span.Length);
            return true;
        }
        mapped = default;
        return false;
    }
}
