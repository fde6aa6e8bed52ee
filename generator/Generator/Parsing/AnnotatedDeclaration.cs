using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RegisterMasks.Generator.Parsing;

/// <summary>
/// One declaration (one partial part of a type) with the attributes of ours written on that part,
/// bound and paired with their syntax: what each parser reads. It lives only while a scan runs.
/// </summary>
internal readonly struct AnnotatedDeclaration
{
    public AnnotatedDeclaration(
        BaseTypeDeclarationSyntax node, INamedTypeSymbol symbol, ImmutableArray<(AttributeData Attribute, AttributeSyntax Syntax)> attributes)
    {
        Node = node;
        Symbol = symbol;
        Attributes = attributes;
    }

    public BaseTypeDeclarationSyntax Node { get; }

    public INamedTypeSymbol Symbol { get; }

    /// <summary>Never empty: a declaration is only read for an attribute written on it.</summary>
    public ImmutableArray<(AttributeData Attribute, AttributeSyntax Syntax)> Attributes { get; }
}
