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
/// RM0021-RM0024: a mask used as any enum, rewritten to the generated member: <c>~mask</c> to
/// <c>mask.Complement()</c>, <c>mask.HasFlag(x)</c> to <c>mask.Contains(r)</c> (for <c>r.ToMask()</c>, or a class's <c>r.To{Mask}()</c>)
/// or <c>mask.IsSupersetOf(x)</c>, <c>mask.ToString()</c> to <c>mask.ToStringFast()</c>,
/// <c>Enum.TryParse&lt;Mask&gt;(text, out m)</c> to <c>MaskExtensions.TryParse(text, out m)</c> (and
/// <c>Enum.Parse</c> to <c>MaskExtensions.Parse</c>). Written as an extension call where that call
/// binds to ours at the diagnostic; else as a static call, with the class named as it binds there
/// (both decided by the analyzer, which has the semantic model: <see cref="FixProperties.ExtensionCall"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MaskUsageFixProvider)), Shared]
public sealed class MaskUsageFixProvider : SyntaxEditFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.Complement, DiagnosticIds.HasFlag, DiagnosticIds.EnumToString, DiagnosticIds.EnumTryParse);

    protected override IEnumerable<Fix> FixesFor(SyntaxNode root, Diagnostic diagnostic)
    {
        if (Rewrite(root, diagnostic) is { } rewrite)
        {
            yield return new Fix($"Use {rewrite.Method}", "RegisterMasks.Usage." + diagnostic.Id);
        }
    }

    protected override void Edit(SyntaxEditor editor, EditContext context, Diagnostic diagnostic, string equivalenceKey)
    {
        var root = context.Root;
        // The class's name binds to ours where the diagnostic is: the analyzer checked it there.
        var extensions = SyntaxFactory.ParseExpression(diagnostic.Properties[FixProperties.Extensions]!);
        if (diagnostic.Id == DiagnosticIds.EnumTryParse)
        {
            var parse = (InvocationExpressionSyntax)FixSyntax.NodeOf(root, diagnostic);
            var replaced = parse.WithExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, extensions, SyntaxFactory.IdentifierName(MethodName(parse))));
            editor.ReplaceNode(parse, replaced.WithTriviaFrom(parse));
            return;
        }
        var (node, receiver, method, arguments) = Rewrite(root, diagnostic)!.Value;
        ExpressionSyntax call = diagnostic.Properties.ContainsKey(FixProperties.ExtensionCall)
            ? SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Receiver(receiver), SyntaxFactory.IdentifierName(method)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Select(SyntaxFactory.Argument))))
            : SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, extensions, SyntaxFactory.IdentifierName(method)),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { receiver.WithoutTrivia() }.Concat(arguments).Select(SyntaxFactory.Argument))));
        editor.ReplaceNode(node, call.WithTriviaFrom(node));
    }

    /// <summary>What replaces the node: the receiver, the generated method, its other arguments.</summary>
    private static (ExpressionSyntax Node, ExpressionSyntax Receiver, string Method, ExpressionSyntax[] Arguments)? Rewrite(SyntaxNode root, Diagnostic diagnostic)
    {
        var node = FixSyntax.NodeOf(root, diagnostic);
        switch (diagnostic.Id)
        {
            case DiagnosticIds.Complement when node is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseNotExpression } complement:
                return (complement, complement.Operand, "Complement", new ExpressionSyntax[0]);
            case DiagnosticIds.HasFlag when node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments: { Count: 1 } arguments } invocation:
                var flag = arguments[0].Expression;
                // r.ToMask() (a register class's r.To{Mask}()) is one register: Contains(r) says so; anything else is a set of them.
                var conversion = diagnostic.Properties.TryGetValue(FixProperties.Conversion, out var name) && name is not null ? name : "ToMask";
                return flag is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax toMask, ArgumentList.Arguments.Count: 0 } && toMask.Name.Identifier.ValueText == conversion
                    ? (invocation, access.Expression, "Contains", new[] { toMask.Expression.WithoutTrivia() })
                    : (invocation, access.Expression, "IsSupersetOf", new[] { flag.WithoutTrivia() });
            case DiagnosticIds.EnumTryParse when node is InvocationExpressionSyntax parse:
                return (parse, parse, MethodName(parse), new ExpressionSyntax[0]);
            case DiagnosticIds.EnumToString when node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                return (invocation, access.Expression, "ToStringFast", new ExpressionSyntax[0]);
            default:
                return null;
        }
    }

    /// <summary><c>TryParse</c> or <c>Parse</c>: the name of <c>Enum.TryParse&lt;M&gt;</c>, without its type arguments.</summary>
    private static string MethodName(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name: var name } ? name.Identifier.ValueText
            : invocation.Expression is SimpleNameSyntax simple ? simple.Identifier.ValueText : "TryParse";

    /// <summary>An operand that is not a primary expression gets parentheses before <c>.Method()</c>.</summary>
    private static ExpressionSyntax Receiver(ExpressionSyntax receiver) =>
        receiver.WithoutTrivia() is var bare && bare is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ParenthesizedExpressionSyntax or ElementAccessExpressionSyntax
            ? bare
            : SyntaxFactory.ParenthesizedExpression(bare);
}
