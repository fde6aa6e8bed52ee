using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using RegisterMasks.Shared;

namespace RegisterMasks.CodeFixes;

/// <summary>
/// RM0011: makes the type, and every type around it that is not, <c>partial</c>; or, for a register
/// cache declared a <c>readonly struct</c>, removes <c>readonly</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PartialFixProvider)), Shared]
public sealed class PartialFixProvider : SyntaxEditFixProvider
{
    private const string MakePartial = "RegisterMasks.MakePartial";
    private const string RemoveReadOnly = "RegisterMasks.RemoveReadOnly";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NotPartial);

    protected override IEnumerable<Fix> FixesFor(SyntaxNode root, Diagnostic diagnostic)
    {
        if (FixSyntax.NodeOf(root, diagnostic).FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
        {
            yield break;
        }
        if (FixSyntax.NotPartial(type).Any())
        {
            yield return new Fix($"Make '{type.Identifier.ValueText}' partial", MakePartial);
        }
        else if (type.Modifiers.Any(SyntaxKind.ReadOnlyKeyword))
        {
            yield return new Fix($"Remove 'readonly' from '{type.Identifier.ValueText}'", RemoveReadOnly);
        }
    }

    protected override void Edit(SyntaxEditor editor, EditContext context, Diagnostic diagnostic, string equivalenceKey)
    {
        var root = context.Root;
        var type = FixSyntax.NodeOf(root, diagnostic).FirstAncestorOrSelf<TypeDeclarationSyntax>()!;
        if (equivalenceKey == RemoveReadOnly)
        {
            editor.ReplaceNode(type, (node, _) => WithoutReadOnly((TypeDeclarationSyntax)node));
            return;
        }
        foreach (var lacking in FixSyntax.NotPartial(type))
        {
            editor.ReplaceNode(lacking, (node, _) => FixSyntax.WithPartial((TypeDeclarationSyntax)node));
        }
    }

    private static TypeDeclarationSyntax WithoutReadOnly(TypeDeclarationSyntax type)
    {
        var index = type.Modifiers.IndexOf(SyntaxKind.ReadOnlyKeyword);
        if (index < 0)
        {
            return type;
        }
        var removed = type.Modifiers[index];
        var modifiers = type.Modifiers.RemoveAt(index);
        // readonly first: its leading trivia goes to what now starts the declaration.
        return index == 0 && modifiers.Count > 0
            ? type.WithModifiers(modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(removed.LeadingTrivia)))
            : index == 0 ? type.WithModifiers(modifiers).WithKeyword(type.Keyword.WithLeadingTrivia(removed.LeadingTrivia)) : type.WithModifiers(modifiers);
    }
}
