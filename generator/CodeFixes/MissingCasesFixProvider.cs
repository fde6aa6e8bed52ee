using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using RegisterMasks.Shared;

namespace RegisterMasks.CodeFixes;

/// <summary>
/// RM0028 (a switch lacks registers of a covered set): adds a case for each, before the
/// <c>default</c> (or the discard arm), as the analyzer wrote their names. A statement gets one new
/// section with a label per register, laid out as the switch's sections are, whose body throws
/// <c>NotImplementedException</c>: it compiles, and until the case is written it fails loudly at
/// the register, where <c>break</c> would silently do nothing for it (the very fallback the attribute
/// replaces). A switch expression gets an arm per register, <c>R.X =&gt; throw new NotImplementedException()</c>.
/// A case already written (by another diagnostic's fix on the same switch) is not added twice.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingCasesFixProvider)), Shared]
public sealed class MissingCasesFixProvider : SyntaxEditFixProvider
{
    private const string Key = "RegisterMasks.AddMissingCases";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SwitchMissesRegisters);

    protected override IEnumerable<Fix> FixesFor(SyntaxNode root, Diagnostic diagnostic)
    {
        var cases = Cases(diagnostic);
        if (cases.Length > 0 && Exception(diagnostic) is not null && SwitchAt(root, diagnostic) is not null)
        {
            yield return new Fix(cases.Length == 1 ? "Add the case " + SourceQuote.Of(cases[0]) : "Add the " + cases.Length + " missing cases", Key);
        }
    }

    protected override void Edit(SyntaxEditor editor, EditContext context, Diagnostic diagnostic, string equivalenceKey)
    {
        var cases = Cases(diagnostic);
        if (equivalenceKey != Key || cases.Length == 0 || Exception(diagnostic) is not { } exception || SwitchAt(context.Root, diagnostic) is not { } node)
        {
            return;
        }
        editor.ReplaceNode(node, (current, _) => current switch
        {
            SwitchStatementSyntax statement => WithSection(statement, cases, exception),
            SwitchExpressionSyntax expression => WithArms(expression, cases, exception),
            _ => current,
        });
    }

    /// <summary>
    /// Fix All: the diagnostics of one switch (one per set its member covers) make one edit, the union of
    /// their cases in the order they come, so that one section holds every register added.
    /// </summary>
    protected override void EditAll(SyntaxEditor editor, EditContext context, ImmutableArray<Diagnostic> diagnostics, string equivalenceKey)
    {
        foreach (var group in diagnostics.Where(diagnostic => FixesFor(context.Root, diagnostic).Any()).GroupBy(diagnostic => diagnostic.Location.SourceSpan.Start))
        {
            var cases = group.SelectMany(Cases).Distinct().ToArray();
            var first = group.First();
            var merged = Diagnostic.Create(first.Descriptor, first.Location,
                first.Properties.SetItem(FixProperties.MissingCases, string.Join(FixProperties.ReplacementSeparator.ToString(), cases)));
            Edit(editor, context, merged, equivalenceKey);
        }
    }

    private static SyntaxNode? SwitchAt(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is { } parent && parent is SwitchStatementSyntax or SwitchExpressionSyntax ? parent : null;

    private static string[] Cases(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(FixProperties.MissingCases, out var cases) && cases is { Length: > 0 }
            ? cases.Split(FixProperties.ReplacementSeparator)
            : new string[0];

    private static string? Exception(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(FixProperties.CaseException, out var exception) && exception is { Length: > 0 } ? exception : null;

    /// <summary>A constant as text, without trivia or spaces: how a case already written is recognised.</summary>
    private static string Normalized(SyntaxNode node) => Normalized(node.WithoutTrivia().ToString());

    private static string Normalized(string text) => new(text.Where(character => !char.IsWhiteSpace(character)).ToArray());

    /// <summary>The new section before the first that holds <c>default</c> (or a case that matches anything), else last.</summary>
    private static SwitchStatementSyntax WithSection(SwitchStatementSyntax statement, string[] cases, string exception)
    {
        var written = new HashSet<string>(statement.Sections.SelectMany(section => section.Labels).Select(label => label switch
        {
            CaseSwitchLabelSyntax constant => Normalized(constant.Value),
            CasePatternSwitchLabelSyntax { Pattern: ConstantPatternSyntax pattern, WhenClause: null } => Normalized(pattern.Expression),
            _ => "",
        }));
        var added = cases.Where(text => !written.Contains(Normalized(text))).ToList();
        if (added.Count == 0)
        {
            return statement;
        }
        var sections = statement.Sections;
        var at = sections.IndexOf(section => section.Labels.Any(IsCatchAll));
        if (at < 0)
        {
            at = sections.Count;
        }
        var template = at < sections.Count ? sections[at] : sections.LastOrDefault();
        var newLine = NewLine(statement);
        string text;
        if (template is null || StartsLine(template.GetFirstToken()))
        {
            var labelIndent = template is null ? Indentation(statement.SwitchKeyword) + "    " : Indentation(template.GetFirstToken());
            var bodyIndent = template?.Statements.FirstOrDefault() is { } first && StartsLine(first.GetFirstToken()) ? Indentation(first.GetFirstToken()) : labelIndent + "    ";
            text = string.Concat(added.Select(name => labelIndent + "case " + name + ":" + newLine))
                + bodyIndent + "throw new " + exception + "();" + newLine;
        }
        else
        {
            // Sections written on one line with the switch: the new one too.
            text = string.Concat(added.Select(name => "case " + name + ": ")) + "throw new " + exception + "(); ";
        }
        var parsed = (SwitchStatementSyntax)SyntaxFactory.ParseStatement("switch (x) {" + newLine + text + "}");
        var section = parsed.Sections.Single();
        if (template is null && !StartsLine(statement.OpenBraceToken.GetNextToken()) && statement.OpenBraceToken.TrailingTrivia.All(trivia => !trivia.IsKind(SyntaxKind.EndOfLineTrivia)))
        {
            // switch (r) { }: the section goes on a line of its own, and the brace on the next.
            return statement.WithOpenBraceToken(statement.OpenBraceToken.WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine)))
                .WithSections(sections.Add(section))
                .WithCloseBraceToken(statement.CloseBraceToken.WithLeadingTrivia(SyntaxFactory.Whitespace(Indentation(statement.SwitchKeyword))));
        }
        return statement.WithSections(sections.Insert(at, section));
    }

    /// <summary>The new arms before the first that matches anything (<c>_</c>, <c>var x</c>), else last.</summary>
    private static SwitchExpressionSyntax WithArms(SwitchExpressionSyntax expression, string[] cases, string exception)
    {
        var arms = expression.Arms;
        var written = new HashSet<string>(arms.Select(arm => arm is { Pattern: ConstantPatternSyntax pattern, WhenClause: null } ? Normalized(pattern.Expression) : ""));
        var added = cases.Where(text => !written.Contains(Normalized(text))).ToList();
        if (added.Count == 0)
        {
            return expression;
        }
        var at = arms.IndexOf(arm => arm.WhenClause is null && IsCatchAll(arm.Pattern));
        if (at < 0)
        {
            at = arms.Count;
        }
        var newLine = NewLine(expression);
        var template = at < arms.Count ? arms[at] : arms.LastOrDefault();
        var multiLine = template is null ? true : StartsLine(template.GetFirstToken());
        var leading = template is null
            ? SyntaxFactory.TriviaList(SyntaxFactory.Whitespace(Indentation(expression.SwitchKeyword) + "    "))
            : template.GetLeadingTrivia().Where(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault() is var indentation && indentation.IsKind(SyntaxKind.WhitespaceTrivia)
                ? SyntaxFactory.TriviaList(indentation)
                : SyntaxFactory.TriviaList();
        var afterComma = multiLine ? SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(newLine)) : SyntaxFactory.TriviaList(SyntaxFactory.Space);

        var elements = new List<SyntaxNodeOrToken>();
        var existing = arms.GetWithSeparators();
        // Everything before the place, as written; a last arm without its comma gets one when arms follow it.
        var before = at == arms.Count ? existing.Count : at * 2;
        for (var i = 0; i < before; i++)
        {
            elements.Add(existing[i]);
        }
        if (at == arms.Count && arms.Count > 0 && arms.SeparatorCount < arms.Count)
        {
            var last = (SwitchExpressionArmSyntax)elements[elements.Count - 1].AsNode()!;
            elements[elements.Count - 1] = last.WithoutTrailingTrivia();
            elements.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(last.GetTrailingTrivia()));
        }
        foreach (var name in added)
        {
            var arm = SyntaxFactory.SwitchExpressionArm(
                    SyntaxFactory.ConstantPattern(SyntaxFactory.ParseExpression(name)),
                    SyntaxFactory.ThrowExpression(SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName(exception)).WithArgumentList(SyntaxFactory.ArgumentList())))
                .NormalizeWhitespace()
                .WithLeadingTrivia(leading);
            elements.Add(arm);
            elements.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(afterComma));
        }
        for (var i = before; i < existing.Count; i++)
        {
            elements.Add(existing[i]);
        }
        var result = expression.WithArms(SyntaxFactory.SeparatedList<SwitchExpressionArmSyntax>(elements));
        if (at == arms.Count && multiLine && !StartsLine(expression.CloseBraceToken))
        {
            // { A => 1 }: the brace after the new last arm's line break goes to its own line.
            result = result.WithCloseBraceToken(result.CloseBraceToken.WithLeadingTrivia(SyntaxFactory.Whitespace(Indentation(expression.SwitchKeyword))));
        }
        return result;
    }

    /// <summary>A label or pattern that matches every value: <c>default</c>, <c>_</c>, <c>var x</c>, a type, with no <c>when</c>.</summary>
    private static bool IsCatchAll(SwitchLabelSyntax label) =>
        label is DefaultSwitchLabelSyntax || label is CasePatternSwitchLabelSyntax { WhenClause: null } pattern && IsCatchAll(pattern.Pattern);

    private static bool IsCatchAll(PatternSyntax pattern) => pattern switch
    {
        // A type pattern (R, R r) or { } matches every value of the enum too: new arms after one would be subsumed.
        DiscardPatternSyntax or VarPatternSyntax or DeclarationPatternSyntax or TypePatternSyntax => true,
        RecursivePatternSyntax { PositionalPatternClause: null, PropertyPatternClause: null or { Subpatterns.Count: 0 } } => true,
        ParenthesizedPatternSyntax parenthesized => IsCatchAll(parenthesized.Pattern),
        _ => false,
    };

    /// <summary>Whether the token is the first on its line.</summary>
    private static bool StartsLine(SyntaxToken token)
    {
        var previous = token.GetPreviousToken();
        return previous.IsKind(SyntaxKind.None) || previous.TrailingTrivia.Any(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            || token.LeadingTrivia.Any(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
    }

    /// <summary>The white space before a token that starts a line.</summary>
    private static string Indentation(SyntaxToken token)
    {
        var leading = token.LeadingTrivia;
        return leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? leading[leading.Count - 1].ToString() : "";
    }

    /// <summary>The line break the switch already uses.</summary>
    private static string NewLine(SyntaxNode node)
    {
        var lineEnd = node.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        return lineEnd.IsKind(SyntaxKind.EndOfLineTrivia) ? lineEnd.ToString() : "\n";
    }
}
