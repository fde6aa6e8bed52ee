using System.Linq;
using Microsoft.CodeAnalysis;
using RegisterMasks.Generator.Emitting;
using RegisterMasks.Generator.Incremental;
using RegisterMasks.Generator.Model;

namespace RegisterMasks.Generator;

/// <summary>
/// Generates a typed <c>[Flags]</c> mask per <c>[RegisterFile]</c> enum and a constant per
/// <c>[RegisterSet]</c>. The pipeline only: parsing, resolution and emission live in their own types.
/// It reports nothing: <see cref="RegisterMaskAnalyzer"/> reports what the same resolution finds,
/// where editors show it and suppressions apply; here errors only decide what is left out.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RegisterMaskGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The attributes users annotate with, compiled into their own assembly as internal embedded
        // types: no run-time dependency, and no CS0436 between assemblies that share internals.
        context.RegisterPostInitializationOutput(static output =>
        {
            output.AddEmbeddedAttributeDefinition();
            output.AddSource(SourceEmitter.AttributesHintName, SourceEmitter.Attributes());
        });

        // The compilation reduced to what our models can depend on: its declarations, not method
        // bodies. A keystroke inside a body gives an equal snapshot, and everything after it stays
        // cached; ForAttributeWithMetadataName would bind every annotated declaration again instead.
        var declarations = context.CompilationProvider
            .Select(static (compilation, _) => new DeclarationSnapshot(compilation))
            .WithTrackingName(TrackingNames.Declarations);

        // Every annotated declaration read into plain models: runs only when declarations changed. The
        // reading (AnnotationReading) reuses what an earlier reading of this project read from every tree
        // an edit left alone, by rules written beside it, and is the one the analyzer then takes; its
        // equatable models stop the steps after it when they parse the same.
        var annotations = declarations
            .Select(static (snapshot, cancellationToken) => AnnotationReading.Of(snapshot.Compilation, cancellationToken).Models)
            .WithTrackingName(TrackingNames.Annotations);

        // Sets include sets of other types and need their register file's registers: values, duplicate
        // names, cycles and invariants are only decidable over everything at once. Resolved once
        // per models object: the analyzer of the compilation with our output takes the same result.
        var resolution = annotations
            .Select(static (models, cancellationToken) => ReadingStore.Resolve(models, cancellationToken))
            .WithTrackingName(TrackingNames.Resolution);

        // Spans, System.Text.Json and nullable annotations, where the target has them: the generated code's optional members.
        // Read from the compilation's references and options, and only when something is generated that uses
        // them: a project that annotates nothing looks up no type. Taken from the declaration snapshot, not from
        // every compilation: a keystroke gives a new compilation, and looking the types up again in it cost every
        // keystroke a search of every reference. An equal snapshot has the same options and reference objects and
        // the same declarations (a type of the user's that shadows one looked up is a declaration), so the same
        // features; when this step runs, its snapshot is the current one (needsFeatures changes only after the
        // snapshot did, in the same run), so the compilation it names is alive.
        var needsFeatures = resolution
            .Select(static (result, _) => result.Masks.Count + result.SetContainers.Count + result.Catalogs.Count > 0);
        var features = declarations
            .Combine(needsFeatures)
            .Select(static (pair, _) => pair.Right ? TargetFeatures.Of(pair.Left.Compilation) : TargetFeatures.None)
            .WithTrackingName(TrackingNames.TargetFeatures);

        // One output per mask, per declaring type and per catalog (the last two joined into a file per namespace below).
        var masks = resolution
            .SelectMany(static (result, _) => result.Masks)
            .WithTrackingName(TrackingNames.Masks);
        var setOutputs = resolution
            .SelectMany(static (result, _) => result.SetContainers)
            .WithTrackingName(TrackingNames.SetOutputs);
        var catalogs = resolution
            .SelectMany(static (result, _) => result.Catalogs)
            .WithTrackingName(TrackingNames.Catalogs);
        var caches = resolution
            .SelectMany(static (result, _) => result.Caches)
            .WithTrackingName(TrackingNames.Caches);

        // IRegisterMaskOps, once per assembly with a mask, where the target has static abstract interface members.
        var needsOpsInterface = resolution
            .Select(static (result, _) => result.Masks.Count > 0)
            .Combine(features)
            .Select(static (pair, _) => pair.Left && pair.Right.HasStaticAbstracts);
        context.RegisterSourceOutput(needsOpsInterface, static (output, needed) =>
        {
            if (needed)
            {
                output.AddSource(SourceEmitter.OpsInterfaceHintName, SourceEmitter.OpsInterface());
            }
        });

        context.RegisterSourceOutput(masks.Combine(features), static (output, pair) => output.AddSource(pair.Left.HintName, SourceEmitter.Mask(pair.Left, pair.Right)));

        // Catalogs and set constants: each register file's catalog and each type's constants rendered on their own,
        // so that an edit to one set renders only its type and its register file's catalog again; then one file per
        // namespace, joined from those pieces. The driver pays for every output on every run, cached or not (it
        // checks each hint name against all the others), and a file per type cost a project with 256 such types
        // about a millisecond of every keystroke, more than everything else of ours in that run.
        var catalogFragments = catalogs
            .Combine(features)
            .Select(static (pair, _) => new GeneratedText(pair.Left.FileHintName, SourceEmitter.CatalogFragment(pair.Left, pair.Right)))
            .WithTrackingName(TrackingNames.CatalogFragments);
        var setFragments = setOutputs
            .Combine(features)
            .Select(static (pair, _) => new GeneratedText(pair.Left.FileHintName, SourceEmitter.SetsFragment(pair.Left, pair.Right)))
            .WithTrackingName(TrackingNames.SetFragments);
        // Grouped by file first, then joined one file at a time: a file whose pieces are the same objects as before compares
        // equal at once, so the driver keeps its text and joins only the files of the namespace edited (a project with
        // 32 namespaces of 64 sets joined 5.8 million characters on every set edit before).
        var fileFragments = catalogFragments.Collect()
            .Combine(setFragments.Collect())
            .SelectMany(static (pair, _) => SourceEmitter.SetsFileFragments(pair.Left.Concat(pair.Right)))
            .WithTrackingName(TrackingNames.FileFragments);
        var setFiles = fileFragments
            .Combine(features)
            .Select(static (pair, _) => SourceEmitter.SetsFile(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.SetFiles);
        context.RegisterSourceOutput(setFiles, static (output, file) => output.AddSource(file.HintName, file.Text));
        context.RegisterSourceOutput(caches, static (output, cache) => output.AddSource(cache.HintName, SourceEmitter.Cache(cache)));
    }
}

/// <summary>Names of the pipeline's steps, which tests read to check what was cached.</summary>
internal static class TrackingNames
{
    public const string Declarations = nameof(Declarations);
    public const string Annotations = nameof(Annotations);
    public const string Resolution = nameof(Resolution);
    public const string Masks = nameof(Masks);
    public const string SetOutputs = nameof(SetOutputs);
    public const string SetFragments = nameof(SetFragments);
    public const string CatalogFragments = nameof(CatalogFragments);
    public const string FileFragments = nameof(FileFragments);
    public const string SetFiles = nameof(SetFiles);
    public const string Catalogs = nameof(Catalogs);
    public const string Caches = nameof(Caches);
    public const string TargetFeatures = nameof(TargetFeatures);
}
