using System.Collections.Generic;
using System.Linq;

namespace RegisterMasks.Generator.Model;

/// <summary>
/// Annotated declarations, parsed: those of one tree (what a partial rescan keeps for the trees it
/// does not read again), or of a whole compilation, the trees' combined (the input of the resolver).
/// </summary>
internal sealed record AnnotationModels(
    EquatableArray<RegisterFileModel> RegisterFiles,
    EquatableArray<SetContainerModel> SetContainers,
    EquatableArray<SetInvariantsModel> Invariants,
    EquatableArray<RegisterCacheModel> Caches)
{
    /// <summary>A tree with nothing of ours to read.</summary>
    public static readonly AnnotationModels None = new(default, default, default, default);

    /// <summary>Nothing annotated at all.</summary>
    public bool IsEmpty => RegisterFiles.Count + SetContainers.Count + Invariants.Count + Caches.Count == 0;

    /// <summary>The compilation's models, from its trees' in the compilation's order.</summary>
    public static AnnotationModels Combine(IEnumerable<AnnotationModels> trees)
    {
        var all = trees.ToList();
        return new AnnotationModels(
            all.SelectMany(tree => tree.RegisterFiles).ToEquatableArray(),
            all.SelectMany(tree => tree.SetContainers).ToEquatableArray(),
            all.SelectMany(tree => tree.Invariants).ToEquatableArray(),
            all.SelectMany(tree => tree.Caches).ToEquatableArray());
    }
}
