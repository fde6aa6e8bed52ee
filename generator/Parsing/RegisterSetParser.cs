using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Model;

namespace RegisterMasks.Generator.Parsing;

/// <summary>
/// Reads one declaration bearing <c>[RegisterSet]</c> attributes into a <see cref="SetContainerModel"/>.
/// Everything decidable from the attribute and the enum it names is checked here; what needs
/// every set of the file (includes, duplicates, cycles) is left to the resolver.
/// </summary>
internal static class RegisterSetParser
{
    public static SetContainerModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var declaration = (TypeDeclarationSyntax)context.TargetNode;
        var diagnostics = new List<DiagnosticInfo>();
        CheckPartial(declaration, diagnostics);

        var sets = new List<RegisterSetModel>();
        foreach (var attribute in context.Attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax)
            {
                sets.Add(new RegisterSetReader(type, attribute, syntax, context.SemanticModel, diagnostics).Read());
            }
        }

        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            chain.Insert(0, current);
        }

        return new SetContainerModel(
            FullName: FullMetadataName(type),
            DisplayName: type.ToDisplayString(),
            Namespace: SymbolNames.Namespace(type),
            Containers: chain.Select(symbol => new ContainingType(Keyword(symbol), SymbolNames.WithTypeParameters(symbol))).ToEquatableArray(),
            Sets: sets.ToEquatableArray(),
            Diagnostics: diagnostics.ToEquatableArray());
    }

    /// <summary>The constants go into a partial declaration, so the type and all around it must be partial.</summary>
    private static void CheckPartial(TypeDeclarationSyntax declaration, List<DiagnosticInfo> diagnostics)
    {
        foreach (var enclosing in declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>())
        {
            if (!enclosing.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.NotPartial,
                    LocationInfo.From(enclosing.Identifier),
                    enclosing.Identifier.ValueText,
                    enclosing == declaration ? "declares" : "contains a type that declares"));
            }
        }
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static string FullMetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            name = container.MetadataName + "+" + name;
        }
        var ns = SymbolNames.Namespace(type);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
