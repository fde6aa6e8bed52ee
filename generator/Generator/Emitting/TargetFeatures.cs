using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RegisterMasks.Generator.Emitting;

/// <summary>
/// What the consumer's target offers that the generated code may use: spans (.NET Core 2.1+, or
/// netstandard2.0 with System.Memory), System.Text.Json (and whether its converters can write
/// dictionary keys, 6.0 on), and nullable annotations (C# 8 on). A handful of lookups per
/// compilation, equal across keystrokes, so the outputs that combine with it stay cached.
/// </summary>
internal sealed record TargetFeatures(bool HasSpan, bool HasJson, bool HasJsonPropertyNames = false, bool HasNullable = false)
{
    public static readonly TargetFeatures None = new(HasSpan: false, HasJson: false);

    public static TargetFeatures Of(Compilation compilation)
    {
        var converter = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonConverter`1");
        return new(
            HasSpan: compilation.GetTypeByMetadataName("System.ReadOnlySpan`1") is not null && compilation.GetTypeByMetadataName("System.Span`1") is not null
                && compilation.GetTypeByMetadataName("System.MemoryExtensions") is not null,
            HasJson: converter is not null,
            // ReadAsPropertyName and WriteAsPropertyName came with System.Text.Json 6.0: a mask is a dictionary key only where both can be overridden.
            HasJsonPropertyNames: converter is not null && IsOverridable(converter, "ReadAsPropertyName") && IsOverridable(converter, "WriteAsPropertyName"),
            // `#nullable enable` is an error before C# 8; from C# 8 on, the generated code says what may be null.
            HasNullable: compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp8 });
    }

    private static bool IsOverridable(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).Any(member => member is IMethodSymbol { IsVirtual: true } or IMethodSymbol { IsAbstract: true });
}
