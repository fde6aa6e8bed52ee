using System.Linq;
using Microsoft.CodeAnalysis;

namespace RegisterMasks.Shared;

/// <summary>Metadata names of the attributes the generator looks for.</summary>
internal static class KnownNames
{
    public const string Namespace = "RegisterMasking";

    // Simple names: attribute classes are compared by name and namespace (see IsOurs), and the
    // scanner matches attribute syntax against them (with and without the Attribute suffix).
    public const string RegisterFile = "RegisterFileAttribute";
    public const string RegisterSet = "RegisterSetAttribute";
    public const string NotARegister = "NotARegisterAttribute";
    public const string RegisterAlias = "RegisterAliasAttribute";
    public const string RegisterSetsDisjoint = "RegisterSetsDisjointAttribute";
    public const string RegisterSetSubset = "RegisterSetSubsetAttribute";
    public const string RegisterSetsPartition = "RegisterSetsPartitionAttribute";
    public const string RegisterCache = "RegisterCacheAttribute";
    public const string CoversRegisterSet = "CoversRegisterSetAttribute";
    public const string RegisterClass = "RegisterClassAttribute";

    /// <summary>The name <c>Include</c> uses for every register of the file; no set may take it.</summary>
    public const string AllSetName = "All";

    /// <summary>Widths a mask enum's underlying type can hold; wider files use a struct of 64-bit words.</summary>
    public static readonly int[] SupportedWidths = { 8, 16, 32, 64, 128, 192, 256, 320, 384, 448, 512, 576, 640, 704, 768, 832, 896, 960, 1024 };

    /// <summary>How messages list <see cref="SupportedWidths"/>.</summary>
    public const string SupportedWidthsText = "8, 16, 32, 64, and multiples of 64 up to 1024";

    /// <summary>
    /// Whether a symbol bears the attribute <c>RegisterMasking.{simpleName}</c>. Compared by name and
    /// namespace, not ToDisplayString: the parsers ask this for every enum member on every edit.
    /// </summary>
    public static bool HasAttribute(ISymbol symbol, string simpleName) =>
        symbol.GetAttributes().Any(attribute => IsOurs(attribute.AttributeClass, simpleName));

    public static bool IsOurs(INamedTypeSymbol? type, string simpleName) =>
        type is { ContainingType: null } && type.Name == simpleName
        && type.ContainingNamespace is { Name: Namespace } ns && ns.ContainingNamespace is { IsGlobalNamespace: true };
}
