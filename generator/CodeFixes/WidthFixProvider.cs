using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using RegisterMasks.Shared;

namespace RegisterMasks.CodeFixes;

/// <summary>
/// RM0001 (a register past the width) and RM0003 (a width that is not supported): writes the width
/// the analyzer advises (<see cref="FixProperties.Width"/>) into the enum's <c>[RegisterFile]</c>:
/// KVM's <c>BIT()</c> to <c>BIT_ULL()</c> decision, made for the user.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WidthFixProvider)), Shared]
public sealed class WidthFixProvider : SyntaxEditFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.IndexDoesNotFit, DiagnosticIds.UnsupportedWidth);

    protected override IEnumerable<Fix> FixesFor(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.Properties.TryGetValue(FixProperties.Width, out var width) && width is not null
            && FixSyntax.NodeOf(root, diagnostic).FirstAncestorOrSelf<EnumDeclarationSyntax>() is { } declaration
            && FixSyntax.RegisterFileAttribute(declaration) is not null)
        {
            yield return new Fix($"Change the width of '{declaration.Identifier.ValueText}' to {width}", "RegisterMasks.Width." + width);
        }
    }

    protected override void Edit(SyntaxEditor editor, EditContext context, Diagnostic diagnostic, string equivalenceKey)
    {
        var root = context.Root;
        var declaration = FixSyntax.NodeOf(root, diagnostic).FirstAncestorOrSelf<EnumDeclarationSyntax>()!;
        var width = int.Parse(diagnostic.Properties[FixProperties.Width]!, CultureInfo.InvariantCulture);
        editor.ReplaceNode(FixSyntax.RegisterFileAttribute(declaration)!, (node, _) => WithWidth((AttributeSyntax)node, width));
    }

    /// <summary>The attribute with <paramref name="width"/> as its first argument: replacing the one written, or added before the named ones.</summary>
    private static AttributeSyntax WithWidth(AttributeSyntax attribute, int width)
    {
        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(width));
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var positional = arguments.FirstOrDefault(argument => argument.NameEquals is null && argument.NameColon is null);
        if (positional is not null)
        {
            return attribute.ReplaceNode(positional.Expression, literal.WithTriviaFrom(positional.Expression));
        }
        var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        return attribute.WithArgumentList(list.WithArguments(list.Arguments.Insert(0, SyntaxFactory.AttributeArgument(literal))));
    }
}
