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
            yield return new Fix("Use " + SourceQuote.Of(options[i]), key);
        }
    }

    protected override void Edit(SyntaxEditor editor, EditContext context, Diagnostic diagnostic, string equivalenceKey)
    {
        var root = context.Root;
        var options = Options(diagnostic);
        var fixes = new List<Fix>(FixesFor(root, diagnostic));
        var chosen = fixes.FindIndex(fix => fix.EquivalenceKey == equivalenceKey);
        if (chosen < 0 || FixSyntax.NodeOf(root, diagnostic) is not ExpressionSyntax node)
        {
            return;
        }
        var replacement = SyntaxFactory.ParseExpression(options[chosen]);
        // Parentheses that held only the hand-written bits are dropped where what replaces them can
        // stand without: ~(1 << (int)R.SP) becomes ~(int)RMask.SP, not ~((int)RMask.SP).
        var replaced = (ExpressionSyntax)node;
        while (replaced.Parent is ParenthesizedExpressionSyntax parentheses && !HasComments(parentheses) && Parentheses.CanStandWithout(replacement, parentheses))
        {
            replaced = parentheses;
        }
        if (Parentheses.Needs(replacement, replaced))
        {
            replacement = SyntaxFactory.ParenthesizedExpression(replacement);
        }
        editor.ReplaceNode(replaced, replacement.WithTriviaFrom(replaced));
    }

    private static bool HasComments(ParenthesizedExpressionSyntax parentheses) =>
        parentheses.OpenParenToken.TrailingTrivia.Concat(parentheses.CloseParenToken.LeadingTrivia).Concat(parentheses.Expression.GetLeadingTrivia()).Concat(parentheses.Expression.GetTrailingTrivia())
            .Any(trivia => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia));

    private static string[] Options(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(FixProperties.Replacements, out var options) && options is { Length: > 0 }
            ? options.Split(FixProperties.ReplacementSeparator)
            : new string[0];
}
