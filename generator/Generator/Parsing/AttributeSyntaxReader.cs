using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RegisterMasks.Generator.Parsing;

/// <summary>
/// Splits an attribute's argument list the way the user wrote it, so that every value can be
/// reported at its own argument (AttributeData alone knows values, not where they were written).
/// </summary>
internal sealed class AttributeSyntaxReader
{
    private readonly Dictionary<string, ExpressionSyntax> _named = new();

    public AttributeSyntaxReader(AttributeSyntax syntax)
    {
        Syntax = syntax;
        var positional = new List<ExpressionSyntax>();
        foreach (var argument in syntax.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals is { } nameEquals)
            {
                _named[nameEquals.Name.Identifier.ValueText] = argument.Expression;
            }
            else
            {
                positional.Add(argument.Expression);
            }
        }
        Positional = positional;
    }

    public AttributeSyntax Syntax { get; }

    /// <summary>Constructor arguments in the order written (named-colon arguments included).</summary>
    public IReadOnlyList<ExpressionSyntax> Positional { get; }

    public ExpressionSyntax? Named(string name) => _named.TryGetValue(name, out var expression) ? expression : null;

    /// <summary>
    /// The elements of an array argument: <c>new[] { a, b }</c>, <c>new object[] { a }</c> or
    /// <c>[a, b]</c>. Anything else (null, a constant array field) has no elements to point at.
    /// </summary>
    public static IReadOnlyList<ExpressionSyntax> ArrayElements(ExpressionSyntax expression)
    {
        switch (Unwrap(expression))
        {
            case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                return initializer.Expressions;
            case ImplicitArrayCreationExpressionSyntax creation:
                return creation.Initializer.Expressions;
            case CollectionExpressionSyntax collection:
                return collection.Elements.OfType<ExpressionElementSyntax>().Select(element => element.Expression).ToList();
            default:
                return new ExpressionSyntax[0];
        }
    }

    /// <summary>Whether an expression is an array written in place rather than one array element (decided from syntax alone).</summary>
    public static bool IsArrayLiteral(ExpressionSyntax expression) =>
        Unwrap(expression) is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax;

    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }
        return expression;
    }

    /// <summary>The member named by <c>VcpuReg.RAX</c> or <c>RAX</c> (with <c>using static</c>); null for any other expression.</summary>
    public static string? MemberNameWritten(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }
        return expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
    }

    /// <summary>What an argument that should be an enum member is instead, as messages say it.</summary>
    public static string DescribeNonMember(TypedConstant value) => value.Kind switch
    {
        TypedConstantKind.Type => "a type",
        TypedConstantKind.Array => "an array",
        TypedConstantKind.Primitive when value.Value is null => "a null",
        TypedConstantKind.Primitive when value.Value is string => "a string",
        TypedConstantKind.Primitive => "a number",
        _ => "not a constant of the enum",
    };
}
