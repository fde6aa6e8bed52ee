using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Usage;

/// <summary>
/// How code at one position writes a register's bit with the generated mask: the mask's member
/// (<c>VcpuRegMask.VCPU_REGS_RAX</c>, a constant) for a register written as its enum member, else
/// <c>reg.ToMask()</c> (a register class's <c>reg.To{Mask}()</c>), or <c>VcpuRegMaskExtensions.ToMask(reg)</c> where the
/// extension is not in scope.
/// Names are the shortest that bind there to our symbols (<see cref="BoundNames"/>).
/// </summary>
internal sealed class MaskExpressions
{
    private readonly string _mask;
    private readonly string _extensions;
    private readonly string _conversion;
    private readonly bool _extensionInScope;

    public MaskExpressions(INamedTypeSymbol mask, ITypeSymbol registerEnum, SemanticModel model, int position)
    {
        _mask = BoundNames.Type(mask, model, position);
        _extensions = GeneratedMasks.ExtensionsOf(mask) is { } extensions ? BoundNames.Type(extensions, model, position) : _mask + "Extensions";
        _conversion = GeneratedMasks.ConversionName(mask);   // ToMask, or a register class's To{Mask}
        _extensionInScope = GeneratedMasks.ExtensionBinds(model, position, registerEnum, _conversion);
    }

    public string Bit(HandWrittenBit bit)
    {
        if (bit.Member is { } member)
        {
            return _mask + "." + SymbolNames.Escaped(member.Name);
        }
        var register = bit.Register.Syntax is ExpressionSyntax expression ? expression.WithoutTrivia() : null;
        var text = register?.ToString() ?? bit.Register.Syntax.ToString();
        return _extensionInScope
            ? (register is null || IsPrimary(register) ? text : "(" + text + ")") + "." + _conversion + "()"
            : _extensions + "." + _conversion + "(" + text + ")";
    }

    /// <summary>
    /// <paramref name="union"/> as the user wrote it, each bit replaced by <paramref name="text"/>:
    /// line breaks, indentation, comments and the operators stay where they were. Parentheses that
    /// only wrapped a bit go with it, since what replaces it (a name, a call, a cast) binds tighter
    /// than <c>|</c>; parentheses with a comment inside stay.
    /// </summary>
    public static string InLayout(SyntaxNode union, IEnumerable<HandWrittenBit> bits, System.Func<HandWrittenBit, string> text)
    {
        var edits = bits.Select(bit => (Span: Replaced(bit.Syntax, union).Span, Text: text(bit))).OrderBy(edit => edit.Span.Start).ToList();
        var source = union.ToString();
        var written = new StringBuilder();
        var at = 0;
        foreach (var (span, replacement) in edits)
        {
            var start = span.Start - union.SpanStart;
            written.Append(source, at, start - at).Append(replacement);
            at = start + span.Length;
        }
        return written.Append(source, at, source.Length - at).ToString();
    }

    /// <summary>Whether the union spans lines as written (then a fix keeps it on them).</summary>
    public static bool IsMultiLine(SyntaxNode union)
    {
        var tokens = union.DescendantTokens().ToList();
        return tokens.Where((token, i) => i < tokens.Count - 1).SelectMany(token => token.TrailingTrivia)
            .Concat(tokens.Skip(1).SelectMany(token => token.LeadingTrivia))
            .Any(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia) || trivia.IsKind(SyntaxKind.SingleLineCommentTrivia));
    }

    /// <summary>The bit with the parentheses around it that hold nothing else, up to <paramref name="union"/>.</summary>
    private static SyntaxNode Replaced(SyntaxNode bit, SyntaxNode union)
    {
        var node = bit;
        while (node.Parent is ParenthesizedExpressionSyntax parentheses && parentheses != union && union.Span.Contains(parentheses.Span)
            && !parentheses.OpenParenToken.TrailingTrivia.Concat(parentheses.CloseParenToken.LeadingTrivia).Concat(node.GetLeadingTrivia()).Concat(node.GetTrailingTrivia())
                .Any(trivia => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)))
        {
            node = parentheses;
        }
        return node;
    }

    /// <summary>An expression that takes <c>.ToMask()</c> without parentheses.</summary>
    private static bool IsPrimary(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            or ParenthesizedExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax;
}
