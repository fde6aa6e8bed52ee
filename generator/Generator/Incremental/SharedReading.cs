using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Generator.Resolution;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Incremental;

/// <summary>
/// The generator's reading of a compilation, handed to the analyzer of the compilation that adds our
/// output to it, so that a build (or an editor) parses and resolves the annotations once, not twice.
/// </summary>
/// <remarks>
/// A build runs the generator on the user's compilation and the analyzer on that compilation plus
/// our output; an editor does the same per snapshot. The two are different compilation objects, but
/// the second holds the very syntax trees, reference objects and options of the first. So the
/// reading is published under the first tree, with the whole list it was read from, and taken only
/// by a compilation whose trees are exactly those objects, in that order, followed by our output
/// alone, with the same references and options. Our output adds nothing the readers see (<see cref="GeneratedCode"/>:
/// the analyzer and the generator reach the same verdicts, which the tests check on both paths).
/// Anything else reads afresh. One entry per first tree, held only while that tree lives.
/// </remarks>
internal static class SharedReading
{
    private static readonly ConditionalWeakTable<SyntaxTree, Entry> s_byFirstTree = new();

    /// <summary>Off only in the benchmarks, to time a build whose analyzer reads for itself.</summary>
    internal static volatile bool Disabled;
    private static readonly ConditionalWeakTable<AnnotationModels, ResolutionResult> s_resolved = new();

    /// <summary>The generator's part: what it read from <paramref name="snapshot"/>'s compilation.</summary>
    public static void Publish(DeclarationSnapshot snapshot, Compilation compilation, AnnotationModels models)
    {
        if (snapshot.Trees.IsEmpty)
        {
            return;
        }
        var entry = new Entry(snapshot.Trees, compilation.ExternalReferences, compilation.Options, compilation.AssemblyName, models);
        lock (s_byFirstTree)
        {
            s_byFirstTree.Remove(snapshot.Trees[0]);
            s_byFirstTree.Add(snapshot.Trees[0], entry);
        }
    }

    /// <summary>The analyzer's part: the models read from exactly this compilation's user code, if the generator read them.</summary>
    public static AnnotationModels? TryTake(Compilation compilation)
    {
        var trees = compilation.SyntaxTrees.ToImmutableArray();
        if (Disabled || trees.IsEmpty || !s_byFirstTree.TryGetValue(trees[0], out var entry) || !entry.Matches(trees, compilation))
        {
            return null;
        }
        return entry.Models;
    }

    /// <summary>The resolution of these models, computed once for whoever asks first (the generator's step or the analyzer).</summary>
    public static ResolutionResult Resolve(AnnotationModels models, CancellationToken cancellationToken)
    {
        if (models.IsEmpty)
        {
            return ResolutionResult.Empty;   // a project that annotates nothing: not even the resolver's code is loaded
        }
        if (s_resolved.TryGetValue(models, out var known))
        {
            return known;
        }
        var result = SetResolver.Resolve(models, cancellationToken);
        lock (s_resolved)
        {
            if (s_resolved.TryGetValue(models, out known))
            {
                return known;
            }
            s_resolved.Add(models, result);
        }
        return result;
    }

    private sealed class Entry
    {
        private readonly ImmutableArray<SyntaxTree> _trees;
        private readonly ImmutableArray<MetadataReference> _references;
        private readonly CompilationOptions _options;
        private readonly string? _assemblyName;

        public Entry(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, CompilationOptions options, string? assemblyName, AnnotationModels models)
        {
            (_trees, _references, _options, _assemblyName, Models) = (trees, references, options, assemblyName, models);
        }

        public AnnotationModels Models { get; }

        /// <summary>The trees read, in order, then only our output (added after them, as the driver adds it); the same references and options.</summary>
        public bool Matches(ImmutableArray<SyntaxTree> trees, Compilation compilation)
        {
            if (trees.Length < _trees.Length || compilation.AssemblyName != _assemblyName || !compilation.Options.Equals(_options)
                || compilation.ExternalReferences.Length != _references.Length)
            {
                return false;
            }
            for (var i = 0; i < trees.Length; i++)
            {
                if (i < _trees.Length ? !ReferenceEquals(trees[i], _trees[i]) : !GeneratedCode.IsOurs(trees[i]))
                {
                    return false;
                }
            }
            for (var i = 0; i < _references.Length; i++)
            {
                if (!ReferenceEquals(compilation.ExternalReferences[i], _references[i]))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
