using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RegisterMasks.Shared;

/// <summary>
/// User source as a message or a code action's title quotes it: on one line (an IDE's error list,
/// a build log and a light-bulb menu show one line each), and short. Tokens keep their text; the
/// trivia between two of them (spaces, line breaks, comments) becomes one space; past
/// <see cref="MaxLength"/> characters the quote ends in an ellipsis.
/// </summary>
internal static class SourceQuote
{
    public const int MaxLength = 80;

    private const string Ellipsis = "...";

    public static string Of(SyntaxNode node)
    {
        var text = new StringBuilder();
        SyntaxToken previous = default;
        foreach (var token in node.DescendantTokens())
        {
            if (text.Length > 0 && (previous.HasTrailingTrivia || token.HasLeadingTrivia))
            {
                text.Append(' ');
            }
            text.Append(token.Text);
            previous = token;
            if (text.Length > MaxLength)
            {
                break;   // the rest is cut anyway
            }
        }
        return Capped(text.ToString());
    }

    /// <summary>Code we wrote as text (a fix's replacement), quoted by the same rule.</summary>
    public static string Of(string code) => Of(SyntaxFactory.ParseExpression(code));

    private static string Capped(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }
        var cut = MaxLength - Ellipsis.Length;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;   // never half a character
        }
        return text.Substring(0, cut).TrimEnd() + Ellipsis;
    }
}
