using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RegisterMasks.Generator.Incremental;

/// <summary>
/// Whether two versions of a tree declare the same things (Roslyn's top-level equivalence: equal but inside
/// bodies), computed once per pair. After a keystroke the generator's declaration snapshot and the analyzer's
/// reading both ask it of the same two trees, the edited one and the one before it, and on a large file of sets
/// each answer cost a third of a millisecond.
/// </summary>
/// <remarks>
/// Sound by construction: the answer is a function of two immutable trees, and it is kept for the newer tree
/// together with the older one it was computed against; a question about any other pair is computed afresh.
/// The older tree is held weakly, so that a chain of edits does not keep every version of a file alive.
/// </remarks>
internal static class TopLevelEquivalence
{
    private sealed class Answer
    {
        public WeakReference<SyntaxTree>? Before;
        public bool Same;
    }

    private static readonly ConditionalWeakTable<SyntaxTree, Answer> s_known = new();

    public static bool Of(SyntaxTree before, SyntaxTree after)
    {
        var answer = s_known.GetValue(after, static _ => new Answer());
        lock (answer)
        {
            if (answer.Before is { } known && known.TryGetTarget(out var tree) && ReferenceEquals(tree, before))
            {
                return answer.Same;
            }
        }
        var same = SyntaxFactory.AreEquivalent(before, after, topLevel: true);   // outside the lock: both trees are immutable
        lock (answer)
        {
            answer.Before = new WeakReference<SyntaxTree>(before);
            answer.Same = same;
        }
        return same;
    }
}
