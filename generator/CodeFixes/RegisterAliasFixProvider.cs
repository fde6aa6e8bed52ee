using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace RegisterMasks.CodeFixes;

/// <summary>RM0004: marks the later of two registers sharing an index <c>[RegisterAlias]</c>, saying the alias is meant.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RegisterAliasFixProvider)), Shared]
public sealed class RegisterAliasFixProvider : SyntaxEditFixProvider
{
    private const string MarkAlias = "RegisterMasks.MarkAlias";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SharedIndex);

    protected override IEnumerable<Fix> FixesFor(SyntaxNode root, Diagnostic diagnostic)
    {
        if (FixSyntax.NodeOf(root, diagnostic).FirstAncestorOrSelf<EnumMemberDeclarationSyntax>() is { } member)
        {
            yield return new Fix($"Mark '{member.Identifier.ValueText}' [RegisterAlias]", MarkAlias);
        }
    }

    protected override void Edit(SyntaxEditor editor, SyntaxNode root, Diagnostic diagnostic, string equivalenceKey)
    {
        var member = FixSyntax.NodeOf(root, diagnostic).FirstAncestorOrSelf<EnumMemberDeclarationSyntax>()!;
        var sibling = member.Parent is EnumDeclarationSyntax declaration ? FixSyntax.RegisterFileAttribute(declaration) : null;
        editor.ReplaceNode(member, (node, _) => WithAlias((EnumMemberDeclarationSyntax)node, FixSyntax.NameLike(sibling, "RegisterAlias")));
    }

    /// <summary><c>[RegisterAlias] NAME = value</c> on the member's own line, its indentation kept.</summary>
    private static EnumMemberDeclarationSyntax WithAlias(EnumMemberDeclarationSyntax member, NameSyntax name)
    {
        foreach (var list in member.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (FixSyntax.Names(attribute, "RegisterAlias"))
                {
                    return member;
                }
            }
        }
        var leading = member.GetLeadingTrivia();
        var alias = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(name)))
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(SyntaxFactory.Space);
        return member.WithoutLeadingTrivia().WithAttributeLists(member.AttributeLists.Insert(0, alias));
    }
}
