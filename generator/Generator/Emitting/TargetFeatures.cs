using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RegisterMasks.Generator.Emitting;

/// <summary>
/// What the consumer's target offers that the generated code may use: spans (.NET Core 2.1+, or
/// netstandard2.0 with System.Memory), System.Text.Json (and whether its converters can write
/// dictionary keys, 6.0 on), nullable annotations (C# 8 on), static abstract interface members (C# 11
/// on a runtime with static virtuals: <c>IRegisterMaskOps</c> and each <c>{Mask}Ops</c>), and extension
/// blocks (C# 14 on: the static members of <c>{Mask}Extensions</c> reachable on the mask type). A handful
/// of lookups per compilation, equal across keystrokes, so the outputs that combine with it stay cached.
/// </summary>
internal sealed record TargetFeatures(
    bool HasSpan, bool HasJson, bool HasJsonPropertyNames = false, bool HasNullable = false, bool HasStaticAbstracts = false, bool HasExtensionBlocks = false)
{
    /// <summary>
    /// C# 14's number in <see cref="LanguageVersion"/>. The generator builds against a Roslyn that has no name for it;
    /// a compiler that has one (or <c>preview</c>, numbered above every release) passes it through the number.
    /// </summary>
    internal const int CSharp14 = 1400;

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
            HasNullable: compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp8 },
            HasStaticAbstracts: compilation is CSharpCompilation { LanguageVersion: var version }
                && SupportsStaticAbstracts(version, compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly),
            HasExtensionBlocks: compilation is CSharpCompilation { LanguageVersion: var language } && (int)language >= CSharp14);
    }

    /// <summary>
    /// Whether code in <paramref name="version"/> over the core library <paramref name="coreLibrary"/> (the assembly of
    /// <c>System.Object</c>) can declare and implement static abstract interface members: C# 11 on, and a runtime that
    /// says so with <c>RuntimeFeature.VirtualStaticsInInterfaces</c> (.NET 7 on), as the compiler itself decides.
    /// </summary>
    internal static bool SupportsStaticAbstracts(LanguageVersion version, IAssemblySymbol? coreLibrary) =>
        version >= LanguageVersion.CSharp11
        && coreLibrary?.GetTypeByMetadataName("System.Runtime.CompilerServices.RuntimeFeature") is { } runtimeFeature
        && !runtimeFeature.GetMembers("VirtualStaticsInInterfaces").IsEmpty;

    private static bool IsOverridable(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).Any(member => member is IMethodSymbol { IsVirtual: true } or IMethodSymbol { IsAbstract: true });
}
