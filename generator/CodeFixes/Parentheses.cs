using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RegisterMasks.CodeFixes;

/// <summary>
/// Whether an expression a fix writes needs parentheses where it lands, by C#'s precedence. Roslyn's
/// own "remove unnecessary parentheses" lives in its Features layer, which an analyzer package cannot
/// reference; this is the small part the fixes need, conservative: a context it does not know keeps
/// (or gets) the parentheses.
/// </summary>
internal static class Parentheses
{
    /// <summary>Whether <paramref name="expression"/>, put where <paramref name="at"/> stands, must be parenthesized to mean the same.</summary>
    public static bool Needs(ExpressionSyntax expression, ExpressionSyntax at)
    {
        if (IsPrimary(expression))
        {
            return false;
        }
        if (TakesAnyExpression(at))
        {
            return false;
        }
        if (expression is CastExpressionSyntax or PrefixUnaryExpressionSyntax)
        {
            // A unary binds tighter than any binary or cast around it; not than ".", "[...]", "(...)" or a postfix.
            return at.Parent is not (BinaryExpressionSyntax or CastExpressionSyntax or PrefixUnaryExpressionSyntax or ConditionalExpressionSyntax) || StartsWithSign(expression);
        }
        if (expression is BinaryExpressionSyntax binary && at.Parent is BinaryExpressionSyntax parent
            && Precedence(binary) is var inner and > 0 && Precedence(parent) is var outer and > 0)
        {
            // Tighter than the operator around it: never; as tight, only on the left (every binary
            // operator here but ?? associates to the left); looser: always.
            return inner < outer || inner == outer && (parent.Right == at || parent.IsKind(SyntaxKind.CoalesceExpression));
        }
        return true;
    }

    /// <summary>Whether <paramref name="parentheses"/> can go once <paramref name="expression"/> is what they hold.</summary>
    public static bool CanStandWithout(ExpressionSyntax expression, ParenthesizedExpressionSyntax parentheses) => !Needs(expression, parentheses);

    /// <summary>Names, member accesses, calls, literals and parenthesized expressions: nothing binds tighter.</summary>
    private static bool IsPrimary(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            or ParenthesizedExpressionSyntax or LiteralExpressionSyntax or ThisExpressionSyntax or AliasQualifiedNameSyntax or QualifiedNameSyntax
            or PredefinedTypeSyntax or TypeOfExpressionSyntax or DefaultExpressionSyntax or CheckedExpressionSyntax;

    /// <summary>
    /// A place that takes any expression whole: an initializer, argument, return value, right side of
    /// an assignment, element, <c>case</c> label, interpolation, lambda body, the value of a switch
    /// expression's arm, or the inside of parentheses.
    /// </summary>
    private static bool TakesAnyExpression(ExpressionSyntax at) => at.Parent switch
    {
        ParenthesizedExpressionSyntax or ArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or YieldStatementSyntax
            or AttributeArgumentSyntax or ExpressionStatementSyntax or InitializerExpressionSyntax or ExpressionElementSyntax or CaseSwitchLabelSyntax
            or InterpolationSyntax => true,
        AssignmentExpressionSyntax assignment => assignment.Right == at,
        LambdaExpressionSyntax lambda => lambda.Body == at,
        SwitchExpressionArmSyntax arm => arm.Expression == at,
        _ => false,
    };

    /// <summary><c>-x</c>, <c>+x</c>, <c>--x</c>, <c>++x</c>: after a cast (<c>(T)-x</c> is a subtraction) or a sign, kept parenthesized.</summary>
    private static bool StartsWithSign(ExpressionSyntax expression) =>
        expression is PrefixUnaryExpressionSyntax prefix
        && (prefix.IsKind(SyntaxKind.UnaryMinusExpression) || prefix.IsKind(SyntaxKind.UnaryPlusExpression)
            || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.PreIncrementExpression));

    /// <summary>C#'s binary precedence, higher binding tighter; 0 for an operator not listed here.</summary>
    private static int Precedence(BinaryExpressionSyntax binary) => binary.Kind() switch
    {
        SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression or SyntaxKind.ModuloExpression => 13,
        SyntaxKind.AddExpression or SyntaxKind.SubtractExpression => 12,
        SyntaxKind.LeftShiftExpression or SyntaxKind.RightShiftExpression or SyntaxKind.UnsignedRightShiftExpression => 11,
        SyntaxKind.LessThanExpression or SyntaxKind.GreaterThanExpression or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanOrEqualExpression
            or SyntaxKind.AsExpression or SyntaxKind.IsExpression => 10,
        SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression => 9,
        SyntaxKind.BitwiseAndExpression => 8,
        SyntaxKind.ExclusiveOrExpression => 7,
        SyntaxKind.BitwiseOrExpression => 6,
        SyntaxKind.LogicalAndExpression => 5,
        SyntaxKind.LogicalOrExpression => 4,
        SyntaxKind.CoalesceExpression => 3,
        _ => 0,
    };
}
