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
/// RM0012: removes the redundant register: the second listing of a register, or an <c>Exclude</c>
/// entry the set does not hold (and the whole <c>Exclude = ...</c> when no entry is left).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RedundantRegisterFixProvider)), Shared]
public sealed class RedundantRegisterFixProvider : SyntaxEditFixProvider
{
    private const string Remove = "RegisterMasks.RemoveRedundant";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.Redundant);

    protected override IEnumerable<Fix> FixesFor(SyntaxNode root, Diagnostic diagnostic)
    {
        if (Removable(root, diagnostic) is { } node)
        {
            yield return new Fix($"Remove the redundant '{SourceQuote.Of(node)}'", Remove);
        }
    }

    protected override void Edit(SyntaxEditor editor, EditContext context, Diagnostic diagnostic, string equivalenceKey) =>
        EditAll(editor, context, ImmutableArray.Create(diagnostic), equivalenceKey);

    /// <summary>Each redundant entry removed; an array argument whose every entry goes is removed whole.</summary>
    protected override void EditAll(SyntaxEditor editor, EditContext context, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey)
    {
        var root = context.Root;
        var removed = diagnostics.Select(diagnostic => Removable(root, diagnostic)).OfType<ExpressionSyntax>().Distinct().ToList();
        foreach (var group in removed.GroupBy(node => node.Parent))
        {
            if (group.Key is AttributeArgumentSyntax argument)
            {
                editor.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia);
                continue;
            }
            var elements = Elements(group.Key);
            if (elements.Count > 0 && elements.All(element => group.Contains(element)) && group.Key?.FirstAncestorOrSelf<AttributeArgumentSyntax>() is { } whole)
            {
                editor.RemoveNode(whole, SyntaxRemoveOptions.KeepNoTrivia);
                continue;
            }
            foreach (var node in group)
            {
                // The removed entry's trailing space goes with it unless it was the last (then "{ R.B }" keeps its space before "}").
                var entry = node.Parent is ExpressionElementSyntax element ? element : (SyntaxNode)node;
                editor.RemoveNode(entry, entry == Elements(group.Key).LastOrDefault() || entry == group.Key ? SyntaxRemoveOptions.KeepTrailingTrivia : SyntaxRemoveOptions.KeepNoTrivia);
            }
        }
    }

    /// <summary>The register expression the diagnostic points at, when it is an argument or an array element of an attribute.</summary>
    private static ExpressionSyntax? Removable(SyntaxNode root, Diagnostic diagnostic) =>
        FixSyntax.NodeOf(root, diagnostic) is ExpressionSyntax expression
        && expression.Parent is AttributeArgumentSyntax or InitializerExpressionSyntax or ExpressionElementSyntax
        && expression.FirstAncestorOrSelf<AttributeSyntax>() is not null
            ? expression
            : null;

    private static IReadOnlyList<ExpressionSyntax> Elements(SyntaxNode? container) => container switch
    {
        InitializerExpressionSyntax initializer => initializer.Expressions,
        ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection } => collection.Elements.OfType<ExpressionElementSyntax>().Select(element => element.Expression).ToList(),
        _ => new ExpressionSyntax[0],
    };
}
