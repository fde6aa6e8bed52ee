using System.Collections.Generic;
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
    /// <c>[Attribute] NAME = value</c>, the attribute on the member's own line, its indentation kept;
    /// the member as it is when it has an attribute of that name already (idempotent).
    /// </summary>
    public static EnumMemberDeclarationSyntax WithMemberAttribute(EnumMemberDeclarationSyntax member, AttributeSyntax attribute, string simpleName)
    {
        if (member.AttributeLists.SelectMany(list => list.Attributes).Any(existing => Names(existing, simpleName)))
        {
            return member;
        }
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithLeadingTrivia(member.GetLeadingTrivia())
            .WithTrailingTrivia(SyntaxFactory.Space);
        return member.WithoutLeadingTrivia().WithAttributeLists(member.AttributeLists.Insert(0, list));
    }

    /// <summary>The type and the types around it that lack <c>partial</c>.</summary>
    public static IEnumerable<TypeDeclarationSyntax> NotPartial(TypeDeclarationSyntax type) =>
        type.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().Where(declaration => !declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary><c>partial</c> last among the modifiers, right before <c>class</c>/<c>struct</c>/<c>record</c>, as C# requires; idempotent.</summary>
    public static TypeDeclarationSyntax WithPartial(TypeDeclarationSyntax type)
    {
        if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return type;
        }
        if (type.Modifiers.Count == 0)
        {
            // The keyword's leading trivia (indentation, doc comment) moves to partial, which now starts the declaration.
            var keyword = type.Keyword;
            var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            return type.WithKeyword(keyword.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(partial));
        }
        return type.WithModifiers(type.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space)));
    }

    /// <summary>
    /// <paramref name="list"/> on its own line above the type, after the attributes it has, at the
    /// type's indentation (the type's doc comment stays first).
    /// </summary>
    public static TypeDeclarationSyntax WithAttributeList(TypeDeclarationSyntax type, AttributeListSyntax list)
    {
        var leading = type.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1] : default;
        var indent = indentation.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(indentation) : SyntaxFactory.TriviaList();
        var lineEnd = type.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        var newLine = SyntaxFactory.TriviaList(lineEnd.IsKind(SyntaxKind.EndOfLineTrivia) ? lineEnd : SyntaxFactory.EndOfLine("\n"));
        if (type.AttributeLists.Count > 0)
        {
            return type.WithAttributeLists(type.AttributeLists.Add(list.WithLeadingTrivia(indent).WithTrailingTrivia(newLine)));
        }
        // The type's leading trivia (doc comment, indentation) moves to the attribute, which now starts it.
        return type.WithoutLeadingTrivia().WithLeadingTrivia(indent)
            .WithAttributeLists(SyntaxFactory.SingletonList(list.WithLeadingTrivia(leading).WithTrailingTrivia(newLine)));
    }
}
