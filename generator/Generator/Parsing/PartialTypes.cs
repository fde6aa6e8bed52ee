using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Model;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Parsing;

/// <summary>Types the generator reopens as partial declarations to add members: checks and names.</summary>
internal static class PartialTypes
{
    /// <summary>RM0011 for the declaration and every type around it that is not partial.</summary>
    /// <param name="what">What the type holds, for the message: "register sets whose constants are generated into it".</param>
    /// <returns>Whether they all are: the generator can reopen the type.</returns>
    public static bool Check(TypeDeclarationSyntax declaration, string what, List<DiagnosticInfo> diagnostics)
    {
        var partial = true;
        foreach (var enclosing in declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>())
        {
            if (!enclosing.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                partial = false;
                diagnostics.Add(DiagnosticInfo.Create(
                    enclosing == declaration ? DiagnosticDescriptors.NotPartial : DiagnosticDescriptors.ContainerNotPartial,
                    LocationInfo.From(enclosing.Identifier),
                    enclosing.Identifier.ValueText,
                    what));
            }
        }
        return partial;
    }

    /// <summary>The type and those around it, outermost first, as a partial declaration reopens them.</summary>
    public static EquatableArray<ContainingType> Containers(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            chain.Insert(0, current);
        }
        return chain.Select(symbol => new ContainingType(Keyword(symbol), SymbolNames.WithTypeParameters(symbol))).ToEquatableArray();
    }

    /// <summary>The metadata name, unique per type: merges partial declarations and names generated sources.</summary>
    public static string FullMetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            name = container.MetadataName + "+" + name;
        }
        var ns = SymbolNames.Namespace(type);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };
}
