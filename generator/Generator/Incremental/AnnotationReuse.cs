using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Parsing;

namespace RegisterMasks.Generator.Incremental;

/// <summary>
/// Reads a snapshot's annotations, reusing what the snapshot before it read of every tree an edit
/// left alone. That is sound only for one kind of edit, checked here, else every tree is read again:
/// </summary>
/// <remarks>
/// The rule: the two compilations have the same settings and trees, and each tree is either the same
/// object, or top-level equivalent (a body edit: its models are unchanged), or differs only inside the
/// argument lists of attributes on types whose names could be ours. Those arguments are read by that
/// tree's parsers alone: no tree's model reads another tree's attribute arguments (a set names
/// an enum, its members and their values, and asks whether it bears [RegisterFile], never with which
/// arguments); everything across trees is the resolver's, which runs again over all models. So only
/// the trees edited that way are read again, against the new compilation. A tree without annotations
/// may also differ at top level in a way no annotation can see (<see cref="UnseenEdits"/>: a new method
/// whose name no annotated tree writes); when every difference is of that kind, the models are the
/// ones read before, the same object. Any other edit (a name an annotation may bind, a constant, a
/// using, an attribute added, removed or renamed) reads everything again.
/// </remarks>
internal static class AnnotationReuse
{
    public static AnnotationModels Scan(DeclarationSnapshot snapshot, CancellationToken cancellationToken)
    {
        var compilation = snapshot.Compilation;
        var previous = snapshot.TakePredecessor();
        List<AnnotationModels> treeModels;
        List<HashSet<string>?> names;
        List<SyntaxTree> readTrees;
        if (previous is { TreeModels: { } known, TreeNames: { } knownNames, Models: { } knownModels, ReadTrees: { } knownTrees }
            && EditedArguments(previous, snapshot, compilation, knownNames, cancellationToken) is { } edited)
        {
            if (edited.Count == 0)
            {
                // Every edit was one no annotation can see (UnseenEdits): the very models read before.
                (snapshot.TreeModels, snapshot.TreeNames, snapshot.Models, snapshot.ReadTrees) = (known, knownNames, knownModels, knownTrees);
                Share(snapshot, compilation);
                return knownModels;
            }
            treeModels = new List<AnnotationModels>(known);
            names = new List<HashSet<string>?>(knownNames);
            readTrees = new List<SyntaxTree>(knownTrees);
            var again = AnnotationScanner.ScanTrees(compilation, edited.Select(index => snapshot.Trees[index]), cancellationToken);
            for (var i = 0; i < edited.Count; i++)
            {
                treeModels[edited[i]] = again[i];
                names[edited[i]] = UnseenEdits.NamesOf(snapshot.Trees[edited[i]], cancellationToken);
                readTrees[edited[i]] = snapshot.Trees[edited[i]];
            }
        }
        else
        {
            var candidates = AnnotationScanner.CandidateNames(compilation, cancellationToken);
            var hasCandidates = new List<bool>(snapshot.Trees.Length);
            treeModels = AnnotationScanner.ScanTrees(compilation, snapshot.Trees, candidates, hasCandidates, cancellationToken);
            names = snapshot.Trees.Select((tree, i) => hasCandidates[i] ? UnseenEdits.NamesOf(tree, cancellationToken) : null).ToList();
            readTrees = snapshot.Trees.ToList();
        }
        var models = AnnotationModels.Combine(treeModels);
        (snapshot.TreeModels, snapshot.TreeNames, snapshot.Models, snapshot.ReadTrees) = (treeModels, names, models, readTrees);
        Share(snapshot, compilation);
        return models;
    }

    /// <summary>
    /// Hands the models to the analyzer (<see cref="SharedReading"/>) when every tree's entry was read
    /// from this very tree: else some locations are an older tree's, right for generating, not for reporting.
    /// </summary>
    private static void Share(DeclarationSnapshot snapshot, Compilation compilation)
    {
        for (var i = 0; i < snapshot.Trees.Length; i++)
        {
            if (!ReferenceEquals(snapshot.ReadTrees![i], snapshot.Trees[i]))
            {
                return;
            }
        }
        SharedReading.Publish(snapshot, compilation, snapshot.Models!);
    }

    /// <summary>
    /// The indexes of the trees that differ only in our attributes' arguments (none when every edit is
    /// one no annotation can see); null when any edit is of another kind.
    /// </summary>
    private static List<int>? EditedArguments(DeclarationSnapshot before, DeclarationSnapshot after, Compilation compilation, List<HashSet<string>?> annotatedNames, CancellationToken cancellationToken)
    {
        if (!after.SameSettings(before) || before.Trees.Length != after.Trees.Length)
        {
            return null;
        }
        HashSet<string>? names = null;
        List<HashSet<string>>? seen = null;
        var edited = new List<int>();
        for (var i = 0; i < after.Trees.Length; i++)
        {
            var (old, current) = (before.Trees[i], after.Trees[i]);
            if (DeclarationSnapshot.SameDeclarations(old, current))
            {
                continue;
            }
            if (old.FilePath != current.FilePath || !old.Options.Equals(current.Options))
            {
                return null;
            }
            // Both sides are equal outside these argument lists, usings included, so the new compilation's names serve both.
            names ??= AnnotationScanner.CandidateNames(compilation, cancellationToken);
            seen ??= annotatedNames.Where(set => set is not null).ToList()!;
            if (annotatedNames[i] is null && UnseenEdits.CannotMatter(old, current, names, seen, cancellationToken))
            {
                continue;
            }
            if (!SyntaxFactory.AreEquivalent(WithoutOurArguments(old, names, cancellationToken), WithoutOurArguments(current, names, cancellationToken), topLevel: true))
            {
                return null;
            }
            edited.Add(i);
        }
        return edited;
    }

    private static SyntaxNode WithoutOurArguments(SyntaxTree tree, HashSet<string> names, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        return root.ReplaceNodes(AnnotationScanner.CandidateArgumentLists(root, names), static (_, _) => SyntaxFactory.AttributeArgumentList());
    }
}
