using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RegisterMasks.Shared;

/// <summary>How symbols are named in generated code, hint names and messages.</summary>
internal static class SymbolNames
{
    public static string FullyQualified(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>A <see cref="FullyQualified"/> name as messages show it: without <c>global::</c>.</summary>
    public static string WithoutGlobalPrefix(string fullyQualified) =>
        fullyQualified.StartsWith("global::", System.StringComparison.Ordinal) ? fullyQualified.Substring("global::".Length) : fullyQualified;

    public static string Namespace(ISymbol symbol) =>
        symbol.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "";

    public static bool IsVisibleOutsideAssembly(ISymbol symbol)
    {
        for (var current = symbol; current is not null && current.Kind != SymbolKind.Namespace; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A name usable as written in C#: an identifier that is not a keyword.</summary>
    public static bool IsValidIdentifier(string? name) =>
        name is { Length: > 0 } && SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>A name a declaration can take: an identifier, or a keyword (declared as <c>@class</c>).</summary>
    public static bool IsValidIdentifierOrKeyword(string? name) => name is { Length: > 0 } && SyntaxFacts.IsValidIdentifier(name);

    /// <summary>The member an ordered set declares beside its constant: never a keyword.</summary>
    public static string OrderName(string setName) => setName + "_ORDER";

    /// <summary>A symbol's name as source must write it: <c>@class</c> for a keyword.</summary>
    public static string Escaped(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A type's name with its type parameters, as a partial declaration repeats it.</summary>
    public static string WithTypeParameters(INamedTypeSymbol type) =>
        type.TypeParameters.Length == 0
            ? Escaped(type.Name)
            : Escaped(type.Name) + "<" + string.Join(", ", type.TypeParameters.Select(parameter => Escaped(parameter.Name))) + ">";

    /// <summary>
    /// Whether the symbol, a type around it or its namespace has no name: the source has a syntax
    /// error there (<c>namespace {</c>), which the compiler reports. Code naming it could not compile.
    /// </summary>
    public static bool HasMissingName(ISymbol symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is INamespaceSymbol { IsGlobalNamespace: true })
            {
                return false;
            }
            if (string.IsNullOrEmpty(current.Name) || (current is INamedTypeSymbol type && type.TypeParameters.Any(parameter => string.IsNullOrEmpty(parameter.Name))))
            {
                return true;
            }
        }
        return false;
    }
}
