using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RegisterMasks.Generator.Coverage;

/// <summary>
/// What a <c>switch</c> statement or switch expression covers: the values its cases name. Only a case
/// that matches a value whatever else holds counts: a constant (<c>case R.A:</c>, <c>R.A =&gt;</c>),
/// several labels of one section, <c>or</c> of such patterns, and parentheses around them. A
/// <c>default</c>, a discard, <c>var</c>, a type, <c>not</c>, a relational pattern or any case with
/// <c>when</c> covers nothing: that is the fallback the attribute replaces.
/// </summary>
internal sealed class SwitchCases
{
    private SwitchCases(ExpressionSyntax governing, SyntaxToken keyword)
    {
        Governing = governing;
        Keyword = keyword;
    }

    /// <summary>The value switched on.</summary>
    public ExpressionSyntax Governing { get; }

    /// <summary>The <c>switch</c> keyword, where a missing case is reported.</summary>
    public SyntaxToken Keyword { get; }

    /// <summary>The values covered, as numbers (an enum constant's value; compared by value, so an alias covers its register).</summary>
    public HashSet<long> Values { get; } = new();

    /// <summary>The constants written, in order: what a fix imitates to name the registers it adds.</summary>
    public List<ExpressionSyntax> Constants { get; } = new();

    /// <summary>The switch a node is, with its cases read; null for any other node.</summary>
    public static SwitchCases? Read(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case SwitchStatementSyntax statement:
            {
                var cases = new SwitchCases(statement.Expression, statement.SwitchKeyword);
                foreach (var section in statement.Sections)
                {
                    foreach (var label in section.Labels)
                    {
                        if (label is CaseSwitchLabelSyntax constant)
                        {
                            cases.AddConstant(constant.Value, model, cancellationToken);
                        }
                        else if (label is CasePatternSwitchLabelSyntax { WhenClause: null } pattern)
                        {
                            cases.AddPattern(pattern.Pattern, model, cancellationToken);
                        }
                    }
                }
                return cases;
            }
            case SwitchExpressionSyntax expression:
            {
                var cases = new SwitchCases(expression.GoverningExpression, expression.SwitchKeyword);
                foreach (var arm in expression.Arms)
                {
                    if (arm.WhenClause is null)
                    {
                        cases.AddPattern(arm.Pattern, model, cancellationToken);
                    }
                }
                return cases;
            }
            default:
                return null;
        }
    }

    private void AddPattern(PatternSyntax pattern, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (pattern)
        {
            case ConstantPatternSyntax constant:
                AddConstant(constant.Expression, model, cancellationToken);
                break;
            case ParenthesizedPatternSyntax parenthesized:
                AddPattern(parenthesized.Pattern, model, cancellationToken);
                break;
            case BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.OrPattern):
                AddPattern(binary.Left, model, cancellationToken);
                AddPattern(binary.Right, model, cancellationToken);
                break;
        }
    }

    private void AddConstant(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        Constants.Add(expression);
        if (model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: { } value } && AsLong(value) is { } number)
        {
            Values.Add(number);
        }
    }

    /// <summary>An integral constant as a number (an enum constant's value is of its underlying type); null for any other.</summary>
    private static long? AsLong(object value) => value switch
    {
        sbyte v => v,
        byte v => v,
        short v => v,
        ushort v => v,
        int v => v,
        uint v => v,
        long v => v,
        ulong v when v <= long.MaxValue => (long)v,
        _ => null,
    };
}
