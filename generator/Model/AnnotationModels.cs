namespace RegisterMasks.Generator.Model;

/// <summary>Every annotated declaration of a compilation, parsed: the input of the resolver.</summary>
internal sealed record AnnotationModels(
    EquatableArray<RegisterFileModel> RegisterFiles,
    EquatableArray<SetContainerModel> SetContainers,
    EquatableArray<SetInvariantsModel> Invariants,
    EquatableArray<RegisterCacheModel> Caches);
