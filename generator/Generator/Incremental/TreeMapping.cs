using System;
using System.Linq;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// The mapping of a reading's entry, from the version its models were read from to its tree: kept per tree
    /// object, and, when the entry continues one whose mapping was already made (<see cref="Continued"/>), that
    /// mapping composed with the one step between the two trees.
    /// </summary>
    /// <remarks>
    /// An editor's text knows its changes as a chain, each text holding its predecessor's; the changes from the
    /// version read (it stays the same through every body edit) to the current text are every keystroke's since,
    /// merged again on each keystroke: after 1,200 keystrokes in a file of sets, 0.29 ms of each (a CPU profile of
    /// <c>--keystrokes</c>). Composed, each keystroke costs the one step. Sound: what two mappings both keep is kept
    /// (a prefix both share, a suffix past both changes); a span in between reads the compilation afresh, as always.
    /// </remarks>
    public static TreeMapping Of(TreeReading entry)
    {
        if (ReferenceEquals(entry.ReadFrom, entry.Tree))
        {
            return Identity;
        }
        var known = s_known.GetValue(entry.Tree, static _ => new Known());
        lock (known)
        {
            if (!ReferenceEquals(known.ReadFrom, entry.ReadFrom))
            {
                (known.ReadFrom, known.Previous, known.PreviousMapping, known.Mapping) = (entry.ReadFrom, null, null, null);
            }
            if (known.Mapping is null)
            {
                known.Mapping = known.Previous is { } previous && known.PreviousMapping is { } earlier
                    ? Compose(earlier, Between(previous, entry.Tree))
                    : Between(entry.ReadFrom, entry.Tree);
                (known.Previous, known.PreviousMapping) = (null, null);   // the step is taken: hold no older tree
            }
            return known.Mapping;
        }
    }

    /// <summary>
    /// A reading keeps, for <paramref name="current"/>, the models <paramref name="previous"/> had, read from
    /// <paramref name="readFrom"/> (a body edit). When <paramref name="previous"/>'s mapping was made, it is kept for
    /// <paramref name="current"/>'s to start from; otherwise nothing is (no tree is held for a mapping never asked for).
    /// </summary>
    public static void Continued(SyntaxTree readFrom, SyntaxTree previous, SyntaxTree current)
    {
        if (!s_known.TryGetValue(previous, out var before))
        {
            return;
        }
        TreeMapping? earlier;
        lock (before)
        {
            earlier = ReferenceEquals(before.ReadFrom, readFrom) ? before.Mapping : null;
        }
        if (earlier is null)
        {
            return;
        }
        var known = s_known.GetValue(current, static _ => new Known());
        lock (known)
        {
            if (known.Mapping is null || !ReferenceEquals(known.ReadFrom, readFrom))
            {
                (known.ReadFrom, known.Previous, known.PreviousMapping, known.Mapping) = (readFrom, previous, earlier, null);
            }
        }
    }

    /// <summary><paramref name="first"/>, then <paramref name="second"/>: what both keep.</summary>
    internal static TreeMapping Compose(TreeMapping first, TreeMapping second)
    {
        if (ReferenceEquals(first, Identity))
        {
            return second;
        }
        if (ReferenceEquals(second, Identity))
        {
            return first;
        }
        // The old text's prefix is kept by both while it is within both prefixes; a character of its suffix, at p past the
        // first change, is at p + first's shift in between, which must be past the second change too.
        return new TreeMapping(
            Math.Min(first._sharedStart, second._sharedStart),
            Math.Max(first._oldSuffixStart, second._oldSuffixStart - first._shift),
            first._shift + second._shift);
    }

    /// <summary>Per tree object: the mapping made for it, or the step to make it from (see <see cref="Of"/>).</summary>
    private static readonly ConditionalWeakTable<SyntaxTree, Known> s_known = new();

    private sealed class Known
    {
        public SyntaxTree? ReadFrom;
        public TreeMapping? Mapping;
        public SyntaxTree? Previous;
        public TreeMapping? PreviousMapping;
    }

    public static TreeMapping Between(SyntaxTree older, SyntaxTree current)
    {
        if (ReferenceEquals(older, current))
        {
            return Identity;
        }
        var (before, after) = (older.GetText(), current.GetText());
        if (Changed(before, after) is { } changed)
        {
            return new TreeMapping(changed.Start, changed.End, after.Length - before.Length);
        }
        var shortest = Math.Min(before.Length, after.Length);
        var prefix = SharedLength(before, after, shortest, fromEnd: false);
        var suffix = SharedLength(before, after, shortest - prefix, fromEnd: true);
        return new TreeMapping(prefix, before.Length - suffix, after.Length - before.Length);
    }

    /// <summary>
    /// The span of the old text that the changes an editor made to it cover, when the current text says what they were:
    /// an editor's text is the old one with the typed changes applied, and knows them without a comparison. Null for
    /// texts it cannot relate (then Roslyn gives one change over the whole text), which are compared instead.
    /// </summary>
    private static TextSpan? Changed(SourceText before, SourceText after)
    {
        var ranges = after.GetChangeRanges(before);
        if (ranges.Count == 0)
        {
            return new TextSpan(before.Length, 0);   // the same text: everything shared (the start covers all of it)
        }
        var (start, end) = (ranges.Min(range => range.Span.Start), ranges.Max(range => range.Span.End));
        return start == 0 && end == before.Length ? null : TextSpan.FromBounds(start, end);
    }

    /// <summary>
    /// How many characters the texts share at their start (or end), at most <paramref name="limit"/>, compared a block
    /// at a time out of each text: through the texts' indexer, a character at a time (a binary search for each in an
    /// edited text), the comparison of a file of sets took most of the analyzer's share of a keystroke.
    /// </summary>
    private static int SharedLength(SourceText before, SourceText after, int limit, bool fromEnd)
    {
        const int Block = 4096;
        var (left, right) = (new char[Math.Min(Block, limit)], new char[Math.Min(Block, limit)]);
        var shared = 0;
        while (shared < limit)
        {
            var count = Math.Min(Block, limit - shared);
            before.CopyTo(fromEnd ? before.Length - shared - count : shared, left, 0, count);
            after.CopyTo(fromEnd ? after.Length - shared - count : shared, right, 0, count);
            if (left.AsSpan(0, count).SequenceEqual(right.AsSpan(0, count)))
            {
                shared += count;
                continue;
            }
            for (var i = 0; i < count; i++)
            {
                // From the side the comparison came from: the block's start going forward, its end going back.
                var (l, r) = fromEnd ? (left[count - 1 - i], right[count - 1 - i]) : (left[i], right[i]);
                if (l != r)
                {
                    return shared + i;
                }
            }
        }
        return shared;
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
