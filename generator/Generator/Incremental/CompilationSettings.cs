using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace RegisterMasks.Generator.Incremental;

/// <summary>
/// What of a compilation, beyond its trees, the keeps here depend on: the assembly's name, the options and the
/// reference objects (together they decide what metadata is seen and what of it is accessible). Compared by
/// equal options and the very same reference objects in the same order, as an editor's compilations per
/// keystroke share them.
/// </summary>
internal sealed class CompilationSettings
{
    private readonly CompilationOptions _options;
    private readonly ImmutableArray<MetadataReference> _references;

    private CompilationSettings(string? assemblyName, CompilationOptions options, ImmutableArray<MetadataReference> references) =>
        (AssemblyName, _options, _references) = (assemblyName, options, references);

    public static CompilationSettings Of(Compilation compilation) =>
        new(compilation.AssemblyName, compilation.Options, compilation.ExternalReferences);

    public string? AssemblyName { get; }

    public bool Matches(Compilation compilation) => Same(compilation.AssemblyName, compilation.Options, compilation.ExternalReferences);

    public bool Matches(CompilationSettings other) => ReferenceEquals(this, other) || Same(other.AssemblyName, other._options, other._references);

    private bool Same(string? assemblyName, CompilationOptions options, ImmutableArray<MetadataReference> references)
    {
        if (AssemblyName != assemblyName || _references.Length != references.Length || !_options.Equals(options))
        {
            return false;
        }
        for (var i = 0; i < _references.Length; i++)
        {
            if (!ReferenceEquals(_references[i], references[i]))
            {
                return false;
            }
        }
        return true;
    }
}
