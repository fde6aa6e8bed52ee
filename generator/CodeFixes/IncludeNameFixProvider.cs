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
/// RM0007: replaces an unknown <c>Include</c> name by a set name of that register file within edit distance 2
/// (<see cref="FixProperties.Candidates"/>, nearest first): one action per candidate. Fix All applies
/// the nearest to each, or one chosen name wherever it is a candidate.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IncludeNameFixProvider)), Shared]
public sealed class IncludeNameFixProvider : SyntaxEditFixProvider
{
    private const string Nearest = "RegisterMasks.Include.Nearest";
    private const string Named = "RegisterMasks.Include.";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnknownInclude);

    protected override IEnumerable<Fix> FixesFor(SyntaxNode root, Diagnostic diagnostic)
    {
        if (Literal(root, diagnostic) is null)
        {
            yield break;
        }
        var candidates = Candidates(diagnostic);
        for (var i = 0; i < candidates.Length; i++)
        {
            yield return new Fix($"Include '{candidates[i]}'", i == 0 ? Nearest : Named + candidates[i]);
        }
    }

    protected override void Edit(SyntaxEditor editor, EditContext context, Diagnostic diagnostic, string equivalenceKey)
    {
        var root = context.Root;
        var candidates = Candidates(diagnostic);
        var name = equivalenceKey == Nearest ? candidates[0] : equivalenceKey.Substring(Named.Length);
        var literal = Literal(root, diagnostic)!;
        editor.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name)).WithTriviaFrom(literal));
    }

    /// <summary>The name as a string literal; a name written otherwise (<c>nameof</c>, a constant) is the user's to change.</summary>
    private static LiteralExpressionSyntax? Literal(SyntaxNode root, Diagnostic diagnostic) =>
        FixSyntax.NodeOf(root, diagnostic) as LiteralExpressionSyntax is { } literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal : null;

    private static string[] Candidates(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(FixProperties.Candidates, out var joined) && joined is { Length: > 0 }
            ? joined.Split(FixProperties.Separator)
            : new string[0];
}
