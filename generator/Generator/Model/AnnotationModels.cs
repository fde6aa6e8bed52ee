using System.Collections.Generic;
using System.Linq;

namespace RegisterMasks.Generator.Model;

/// <summary>Every annotated declaration of a compilation, parsed: the input of the resolver.</summary>
internal sealed record AnnotationModels(
    EquatableArray<RegisterFileModel> RegisterFiles,
    EquatableArray<SetContainerModel> SetContainers,
    EquatableArray<SetInvariantsModel> Invariants,
    EquatableArray<RegisterCacheModel> Caches)
{
    /// <summary>Nothing annotated at all.</summary>
    public bool IsEmpty => RegisterFiles.Count + SetContainers.Count + Invariants.Count + Caches.Count == 0;
}

/// <summary>The annotated declarations of one file: what a partial rescan keeps for the files it does not read again.</summary>
internal sealed record FileAnnotations(
    EquatableArray<RegisterFileModel> RegisterFiles,
    EquatableArray<SetContainerModel> SetContainers,
    EquatableArray<SetInvariantsModel> Invariants,
    EquatableArray<RegisterCacheModel> Caches)
{
    public static readonly FileAnnotations None = new(default, default, default, default);

    /// <summary>The compilation's models, from its files' in the compilation's order.</summary>
    public static AnnotationModels Combine(IEnumerable<FileAnnotations> files)
    {
        var all = files.ToList();
        return new AnnotationModels(
            all.SelectMany(file => file.RegisterFiles).ToEquatableArray(),
            all.SelectMany(file => file.SetContainers).ToEquatableArray(),
            all.SelectMany(file => file.Invariants).ToEquatableArray(),
            all.SelectMany(file => file.Caches).ToEquatableArray());
    }
}
