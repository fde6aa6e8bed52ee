using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Emitting;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Generator.Resolution;

namespace RegisterMasks.Generator;

/// <summary>
/// Generates a typed <c>[Flags]</c> mask per <c>[RegisterFile]</c> enum and a constant per
/// <c>[RegisterSet]</c>. The pipeline only: parsing, resolution and emission live in their own types.
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

        // Each register file on its own, so an edit elsewhere leaves its model cached. Declarations
        // whose names did not parse give no model (null): the compiler reports their syntax errors.
        var registerFiles = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.RegisterFileAttribute,
                static (node, _) => node is EnumDeclarationSyntax,
                RegisterFileParser.Parse)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.RegisterFiles);

        // Each declaration bearing sets on its own, for the same reason.
        var setContainers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.RegisterSetAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                RegisterSetParser.Parse)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.RegisterSets);

        // Invariants between sets, on any class or struct: they generate nothing, only diagnostics.
        var disjointChecks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.RegisterSetsDisjointAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                SetInvariantParser.Parse)
            .WithTrackingName(TrackingNames.DisjointChecks);
        var subsetChecks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.RegisterSetSubsetAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                SetInvariantParser.Parse)
            .WithTrackingName(TrackingNames.SubsetChecks);
        var invariants = disjointChecks.Collect()
            .Combine(subsetChecks.Collect())
            .Select(static (checks, _) => checks.Left.AddRange(checks.Right))
            .WithTrackingName(TrackingNames.Invariants);

        // Register caches: partial types that get Available/Dirty masks over one register file.
        var registerCaches = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.RegisterCacheAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                RegisterCacheParser.Parse)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.RegisterCaches);

        // Sets include sets of other types and need their file's registers: values, duplicate
        // names, cycles and invariants are only decidable over everything at once. Its result is equatable,
        // so when the parsed models are unchanged this step and all after it stay cached.
        var resolution = registerFiles.Collect()
            .Combine(setContainers.Collect())
            .Combine(invariants)
            .Combine(registerCaches.Collect())
            .Select(static (inputs, cancellationToken) =>
                SetResolver.Resolve(inputs.Left.Left.Left, inputs.Left.Left.Right, inputs.Left.Right, inputs.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Resolution);

        // One output per mask and per declaring type: an edit to one set re-renders only its type.
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
        var diagnostics = resolution
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(masks, static (output, mask) => output.AddSource(mask.HintName, SourceEmitter.Mask(mask)));
        context.RegisterSourceOutput(setOutputs, static (output, sets) => output.AddSource(sets.HintName, SourceEmitter.Sets(sets)));
        context.RegisterSourceOutput(catalogs, static (output, catalog) => output.AddSource(catalog.HintName, SourceEmitter.Catalog(catalog)));
        context.RegisterSourceOutput(caches, static (output, cache) => output.AddSource(cache.HintName, SourceEmitter.Cache(cache)));
        context.RegisterSourceOutput(diagnostics, static (output, found) =>
        {
            foreach (var diagnostic in found)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }
}

/// <summary>Names of the pipeline's steps, which tests read to check what was cached.</summary>
internal static class TrackingNames
{
    public const string RegisterFiles = nameof(RegisterFiles);
    public const string RegisterSets = nameof(RegisterSets);
    public const string DisjointChecks = nameof(DisjointChecks);
    public const string SubsetChecks = nameof(SubsetChecks);
    public const string Invariants = nameof(Invariants);
    public const string RegisterCaches = nameof(RegisterCaches);
    public const string Resolution = nameof(Resolution);
    public const string Masks = nameof(Masks);
    public const string SetOutputs = nameof(SetOutputs);
    public const string Catalogs = nameof(Catalogs);
    public const string Caches = nameof(Caches);
    public const string Diagnostics = nameof(Diagnostics);
}
