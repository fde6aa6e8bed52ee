using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace RegisterMasks.Generator.Incremental;

/// <summary>
/// A fact read from one syntax tree alone, kept per tree object. Sound by construction: a tree never changes,
/// so neither does what is read from it alone. Worth it because an editor's compilation per keystroke holds
/// all but the edited tree of the last one: a look at every tree of the project then reads one tree.
/// </summary>
internal sealed class PerTree<T> where T : class
{
    private readonly ConditionalWeakTable<SyntaxTree, T> _known = new();
    private readonly Func<SyntaxTree, CancellationToken, T> _read;

    /// <param name="read">Reads the fact from the tree alone (nothing of a compilation).</param>
    public PerTree(Func<SyntaxTree, CancellationToken, T> read) => _read = read;

    public T Of(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(tree, out var known))
        {
            return known;
        }
        var read = _read(tree, cancellationToken);   // outside the table's lock; a cancelled read leaves nothing behind
        return _known.GetValue(tree, _ => read);
    }
}
