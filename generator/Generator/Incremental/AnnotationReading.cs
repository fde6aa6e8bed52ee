using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Incremental;

/// <summary>What one tree of a reading holds.</summary>
/// <param name="Tree">The tree of the compilation read (the current version).</param>
/// <param name="ReadFrom">
/// The version the models were read from: <paramref name="Tree"/> itself, or an older version when only
/// bodies changed since (their models are the same; their locations are that version's, which
/// <see cref="TreeMapping"/> moves to <paramref name="Tree"/>'s).
/// </param>
/// <param name="Models">The tree's annotations.</param>
/// <param name="Names">The names the tree writes outside bodies (<see cref="UnseenEdits.NamesOf"/>) when it has an attribute named like ours; else null.</param>
internal sealed record TreeReading(SyntaxTree Tree, SyntaxTree ReadFrom, AnnotationModels Models, HashSet<string>? Names);

/// <summary>
/// One compilation's reading of its annotations, immutable: per user tree, the models read from it,
/// and all of them combined. The generator's pipeline and the analyzer both ask <see cref="Of"/> for
/// the reading of their compilation; it is built from an earlier reading of the same project where
/// the rules below allow, else read afresh. Every rule that lets a model be reused is here.
/// </summary>
/// <remarks>
/// <para>An earlier reading is found in <see cref="ReadingStore"/> by the project's assembly name but
/// trusted only after validation: the same options, the same reference objects, the same number of
/// user trees at the same paths. Then each tree is one of:</para>
/// <list type="number">
/// <item><b>The same object</b>: its entry is kept as it is.</item>
/// <item><b>A body edit</b> (Roslyn's top-level equivalence: the trees differ only inside method and
/// accessor bodies and non-constant initializers, which no attribute argument, declaration or
/// constant can see): its models are kept, read from the older version, whose locations
/// <see cref="TreeMapping"/> moves to the new text when a diagnostic is reported there.</item>
/// <item><b>An unseen edit</b> of a tree without annotations (<see cref="UnseenEdits"/>: a top-level edit no
/// annotation can see, such as a new method whose name no annotated tree writes): it has no models to keep.</item>
/// <item><b>An edit of our attributes' arguments</b> only (the trees are equal once the argument lists of
/// attributes named like ours are emptied): that tree alone is read again. Those arguments are read
/// by that tree's parsers alone; no tree's models read another tree's arguments (a set names an enum,
/// its members and values, and asks whether it bears an attribute, never with which arguments).</item>
/// <item>Anything else (a new tree, a using, a constant, a name an annotation may bind): everything
/// is read again.</item>
/// </list>
/// <para>Whatever is reused, the combined models are the same object as before when no tree's models
/// changed, so the resolution cached for them (<see cref="ReadingStore.Resolve"/>) is taken as it is.
/// Under <see cref="ReadingVerifier"/> every reading that reused anything is compared with a fresh one.</para>
/// </remarks>
internal sealed class AnnotationReading
{
    /// <summary>No earlier reading is trusted past this many edited trees: comparing them all would cost more than reading.</summary>
    private const int MostEditedTrees = 8;

    private AnnotationReading(CompilationSettings settings, ImmutableArray<TreeReading> trees, AnnotationModels models, bool reused)
    {
        Settings = settings;
        Trees = trees;
        Models = models;
        Reused = reused;
    }

    /// <summary>The name, options and references of the compilation read: a reading is built on only by a compilation with the same.</summary>
    public CompilationSettings Settings { get; }

    public string? AssemblyName => Settings.AssemblyName;

    /// <summary>One entry per user tree (our own output left out), in the compilation's order.</summary>
    public ImmutableArray<TreeReading> Trees { get; }

    /// <summary>The trees' models combined, in the trees' order: the resolver's input.</summary>
    public AnnotationModels Models { get; }

    /// <summary>Whether anything was taken from an earlier reading of other tree objects (what <see cref="ReadingVerifier"/> checks).</summary>
    public bool Reused { get; }

    /// <summary>
    /// The reading of <paramref name="compilation"/>'s user trees: an earlier one of exactly these trees as
    /// it is, one built from an earlier one by the rules above, or a fresh one; published for the next asker.
    /// </summary>
    public static AnnotationReading Of(Compilation compilation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var trees = UserTrees(compilation);
        AnnotationReading? reading = null;
        foreach (var earlier in ReadingStore.Candidates(compilation.AssemblyName))
        {
            reading = From(earlier, compilation, trees, cancellationToken);
            if (reading is not null)
            {
                break;
            }
        }
        reading ??= Fresh(compilation, trees, cancellationToken);
        if (reading.Reused && ReadingVerifier.Enabled)
        {
            ReadingVerifier.Check(reading, Fresh(compilation, trees, cancellationToken), cancellationToken);
        }
        ReadingStore.Publish(reading);
        return reading;
    }

    /// <summary>The reading built on <paramref name="earlier"/> where the rules allow, else a fresh one; not published (for tests).</summary>
    internal static AnnotationReading Following(AnnotationReading earlier, Compilation compilation, CancellationToken cancellationToken)
    {
        var trees = UserTrees(compilation);
        return From(earlier, compilation, trees, cancellationToken) ?? Fresh(compilation, trees, cancellationToken);
    }

    /// <summary>The trees a reading covers: the compilation's, without our own output (which declares nothing to read).</summary>
    private static ImmutableArray<SyntaxTree> UserTrees(Compilation compilation) =>
        compilation.SyntaxTrees.Where(tree => !GeneratedCode.IsOurs(tree)).ToImmutableArray();

    /// <summary>Every tree read: no earlier reading involved.</summary>
    public static AnnotationReading Fresh(Compilation compilation, ImmutableArray<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        var candidates = AnnotationScanner.CandidateNames(compilation, cancellationToken);
        var hasCandidates = new List<bool>(trees.Length);
        var models = AnnotationScanner.ScanTrees(compilation, trees, candidates, hasCandidates, cancellationToken);
        var entries = trees.Select((tree, i) => new TreeReading(tree, tree, models[i], hasCandidates[i] ? UnseenEdits.NamesOf(tree, cancellationToken) : null));
        return new AnnotationReading(CompilationSettings.Of(compilation), entries.ToImmutableArray(),
            AnnotationModels.Combine(models), reused: false);
    }

    /// <summary>The reading built on <paramref name="earlier"/> by the rules; null when they do not allow it.</summary>
    private static AnnotationReading? From(AnnotationReading earlier, Compilation compilation, ImmutableArray<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        if (!earlier.Settings.Matches(compilation) || earlier.Trees.Length != trees.Length)
        {
            return null;
        }
        var edited = new List<int>();
        for (var i = 0; i < trees.Length; i++)
        {
            var before = earlier.Trees[i].Tree;
            if (ReferenceEquals(before, trees[i]))
            {
                continue;
            }
            if (before.FilePath != trees[i].FilePath || !before.Options.Equals(trees[i].Options) || edited.Count == MostEditedTrees)
            {
                return null;
            }
            edited.Add(i);
        }
        if (edited.Count == 0)
        {
            return earlier;   // the very trees read: the very reading
        }

        var entries = earlier.Trees.ToBuilder();
        var readAgain = new List<int>();
        HashSet<string>? names = null;
        List<HashSet<string>>? annotatedNames = null;
        foreach (var i in edited)
        {
            var (entry, current) = (earlier.Trees[i], trees[i]);
            if (TopLevelEquivalence.Of(entry.Tree, current))
            {
                entries[i] = entry with { Tree = current };   // rule 2: a body edit; the models and where they were read stay
                TreeMapping.Continued(entry.ReadFrom, entry.Tree, current);
                continue;
            }
            // Both versions are equal outside our arguments or the edit is refused below, so the new compilation's names serve both.
            names ??= AnnotationScanner.CandidateNames(compilation, cancellationToken);
            // What annotated trees write, before this edit and after it: a name one gains with an argument edit may be the one another tree declares.
            annotatedNames ??= earlier.Trees.Select(tree => tree.Names).Where(set => set is not null)
                .Concat(edited.Where(j => earlier.Trees[j].Names is not null).Select(j => UnseenEdits.NamesOf(trees[j], cancellationToken)))
                .ToList()!;
            if (entry.Names is null && UnseenEdits.CannotMatter(entry.Tree, current, names, annotatedNames, cancellationToken))
            {
                entries[i] = entry with { Tree = current, ReadFrom = current };   // rule 3: nothing annotated, nothing seen
                continue;
            }
            if (!SyntaxFactory.AreEquivalent(WithoutOurArguments(entry.Tree, names, cancellationToken), WithoutOurArguments(current, names, cancellationToken), topLevel: true))
            {
                return null;   // rule 5
            }
            readAgain.Add(i);   // rule 4
        }

        if (readAgain.Count > 0)
        {
            var again = AnnotationScanner.ScanTrees(compilation, readAgain.Select(i => trees[i]), cancellationToken);
            for (var k = 0; k < readAgain.Count; k++)
            {
                var i = readAgain[k];
                entries[i] = new TreeReading(trees[i], trees[i], again[k], UnseenEdits.NamesOf(trees[i], cancellationToken));
            }
        }
        var sameModels = readAgain.Count == 0;
        var models = sameModels ? earlier.Models : AnnotationModels.Combine(entries.Select(entry => entry.Models));
        return new AnnotationReading(earlier.Settings, entries.MoveToImmutable(), models, reused: true);
    }

    private static SyntaxNode WithoutOurArguments(SyntaxTree tree, HashSet<string> names, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        return root.ReplaceNodes(AnnotationScanner.CandidateArgumentLists(root, names), static (_, _) => SyntaxFactory.AttributeArgumentList());
    }
}
