using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using RegisterMasks.Generator;

namespace RegisterMasks.CodeFixes;

/// <summary>
/// RM0025 (registers' bits written by hand) and RM0026 (a number that is a declared set): the
/// analyzer has written what to say instead, as code at the diagnostic binds it (a set's constant,
/// the mask's members, <c>reg.ToMask()</c>); the fix puts it in place, one action per option, best first.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SuggestedExpressionFixProvider)), Shared]
public sealed class SuggestedExpressionFixProvider : SyntaxEditFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HandWrittenBit, DiagnosticIds.NumberIsDeclaredSet);

    /// <summary>The best option's key is the ID (so Fix All takes each diagnostic's best); the last, the union of the bits, has its own.</summary>
    protected override IEnumerable<Fix> FixesFor(SyntaxNode root, Diagnostic diagnostic)
    {
        var options = Options(diagnostic);
        for (var i = 0; i < options.Length; i++)
        {
            var key = "RegisterMasks.Usage." + diagnostic.Id + (i == 0 ? "" : i == options.Length - 1 && diagnostic.Id == DiagnosticIds.HandWrittenBit ? ".Bits" : "." + options[i]);
            yield return new Fix("Use " + options[i], key);
        }
    }

    protected override void Edit(SyntaxEditor editor, SyntaxNode root, Diagnostic diagnostic, string equivalenceKey)
    {
        var options = Options(diagnostic);
        var fixes = new List<Fix>(FixesFor(root, diagnostic));
        var chosen = fixes.FindIndex(fix => fix.EquivalenceKey == equivalenceKey);
        if (chosen < 0 || FixSyntax.NodeOf(root, diagnostic) is not ExpressionSyntax node)
        {
            return;
        }
        var replacement = SyntaxFactory.ParseExpression(options[chosen]);
        if (replacement is BinaryExpressionSyntax && !TakesAnyExpression(node))
        {
            replacement = SyntaxFactory.ParenthesizedExpression(replacement);
        }
        editor.ReplaceNode(node, replacement.WithTriviaFrom(node));
    }

    private static string[] Options(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(FixProperties.Replacements, out var options) && options is { Length: > 0 }
            ? options.Split(FixProperties.ReplacementSeparator)
            : new string[0];

    /// <summary>
    /// Whether <c>a | b</c> can stand where <paramref name="node"/> (a cast, which binds tighter) is
    /// without parentheses: as a whole initializer, argument, return value, right side of an
    /// assignment, or inside parentheses or another <c>|</c>.
    /// </summary>
    private static bool TakesAnyExpression(ExpressionSyntax node) => node.Parent switch
    {
        ParenthesizedExpressionSyntax or ArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax
            or AttributeArgumentSyntax or ExpressionStatementSyntax => true,
        AssignmentExpressionSyntax assignment => assignment.Right == node,
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseOrExpression } => true,
        _ => false,
    };
}
