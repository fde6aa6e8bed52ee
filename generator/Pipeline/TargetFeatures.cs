using Microsoft.CodeAnalysis;

namespace RegisterMasks.Generator.Pipeline;

/// <summary>
/// What the consumer's target offers that the generated code may use: spans (.NET Core 2.1+, or
/// netstandard2.0 with System.Memory) and System.Text.Json. A handful of lookups per compilation,
/// equal across keystrokes, so the outputs that combine with it stay cached.
/// </summary>
internal sealed record TargetFeatures(bool HasSpan, bool HasJson)
{
    public static readonly TargetFeatures None = new(HasSpan: false, HasJson: false);

    public static TargetFeatures Of(Compilation compilation) => new(
        HasSpan: compilation.GetTypeByMetadataName("System.ReadOnlySpan`1") is not null && compilation.GetTypeByMetadataName("System.Span`1") is not null
            && compilation.GetTypeByMetadataName("System.MemoryExtensions") is not null,
        HasJson: compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonConverter`1") is not null);
}
