using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RegisterMasks.CodeFixes;

/// <summary>Syntax the fixes share: finding our attributes as the user wrote them, and writing new ones the same way.</summary>
internal static class FixSyntax
{
    /// <summary>The node a diagnostic points at: the innermost one its span covers.</summary>
    public static SyntaxNode NodeOf(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

    /// <summary>Whether an attribute's name, as written, is <paramref name="simpleName"/> (with or without <c>Attribute</c>, qualified or not).</summary>
    public static bool Names(AttributeSyntax attribute, string simpleName)
    {
        var written = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "",
        };
        return written == simpleName || written == simpleName + "Attribute";
    }

    /// <summary>The enum's <c>[RegisterFile]</c>, as written on it.</summary>
    public static AttributeSyntax? RegisterFileAttribute(EnumDeclarationSyntax declaration) =>
        declaration.AttributeLists.SelectMany(list => list.Attributes).FirstOrDefault(attribute => Names(attribute, "RegisterFile"));

    /// <summary>
    /// A name for another of our attributes, written as the user wrote <paramref name="sibling"/>:
    /// qualified if it was (<c>RegisterMasks.RegisterFile</c>), else plain, since a plain one bound.
    /// </summary>
    public static NameSyntax NameLike(AttributeSyntax? sibling, string simpleName) =>
        sibling?.Name is QualifiedNameSyntax qualified
            ? SyntaxFactory.QualifiedName(qualified.Left.WithoutTrivia(), SyntaxFactory.IdentifierName(simpleName))
            : sibling?.Name is AliasQualifiedNameSyntax aliased
                ? SyntaxFactory.QualifiedName(SyntaxFactory.AliasQualifiedName(aliased.Alias, SyntaxFactory.IdentifierName("RegisterMasks")), SyntaxFactory.IdentifierName(simpleName))
                : SyntaxFactory.IdentifierName(simpleName);
}
