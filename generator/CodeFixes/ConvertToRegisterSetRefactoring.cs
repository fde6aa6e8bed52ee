using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;
using RegisterMasks.Generator.Parsing;

namespace RegisterMasks.CodeFixes;

/// <summary>
/// "Convert to [RegisterSet]": a <c>const</c> or <c>static readonly</c> field whose value is a union
/// of registers of one register file (see <see cref="RegisterUnion"/>) becomes
/// <c>[RegisterSet("NAME", ...)]</c> on its type (made partial), so the generator declares the same
/// name with the same value, checked. A field of the mask's type needs nothing else; a field that
/// was a number keeps every use compiling by casting it back, <c>(ulong)Vmx.NAME</c>, which is still
/// a constant (so <c>case</c> labels, attribute arguments and other constants keep working). Not
/// offered when a use writes the field or takes it by reference: a cast cannot stand there.
/// </summary>
[ExportCodeRefactoringProvider(LanguageNames.CSharp, Name = nameof(ConvertToRegisterSetRefactoring)), Shared]
public sealed class ConvertToRegisterSetRefactoring : CodeRefactoringProvider
{
    public override async Task ComputeRefactoringsAsync(CodeRefactoringContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span).FirstAncestorOrSelf<FieldDeclarationSyntax>() is not { } field || model is null
            || await PlanAsync(context.Document, field, model, context.CancellationToken).ConfigureAwait(false) is not { } plan)
        {
            return;
        }
        context.RegisterRefactoring(CodeAction.Create(
            $"Convert '{plan.Field.Name}' to [RegisterSet]",
            cancellationToken => ApplyAsync(context.Document.Project.Solution, plan, cancellationToken),
            "RegisterMasks.ConvertToRegisterSet"));
    }

    /// <summary>What the conversion needs, or null when it cannot keep the name, the value and every use.</summary>
    private sealed record Plan(IFieldSymbol Field, FieldDeclarationSyntax Declaration, TypeDeclarationSyntax Type, RegisterUnion Union,
        AttributeListSyntax Attribute, IReadOnlyList<(DocumentId Document, TextSpan Span)> UsesToCast, string? NumberType);

    private static async Task<Plan?> PlanAsync(Document document, FieldDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (declaration.Declaration.Variables.Count != 1 || declaration.AttributeLists.Count > 0
            || declaration.Parent is not (ClassDeclarationSyntax or StructDeclarationSyntax) || declaration.Parent is not TypeDeclarationSyntax type
            || declaration.Declaration.Variables[0] is not { Initializer.Value: { } value } variable
            || model.GetDeclaredSymbol(variable, cancellationToken) is not IFieldSymbol { IsStatic: true } field
            || !(field.IsConst || field.IsReadOnly)
            || model.GetOperation(value, cancellationToken) is not { } operation
            || RegisterUnion.Read(operation, cancellationToken) is not { } union)
        {
            return null;
        }
        var isMask = SymbolEqualityComparer.Default.Equals(field.Type, union.Mask);
        if (!isMask && field.Type.SpecialType is not (SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
            or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64))
        {
            return null;
        }
        var uses = new List<(DocumentId, TextSpan)>();
        if (!isMask)
        {
            foreach (var reference in await SymbolFinder.FindReferencesAsync(field, document.Project.Solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (var location in reference.Locations)
                {
                    var use = (await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                    if (IsInNameOf(use))
                    {
                        continue;   // nameof(NAME) names the generated constant as well
                    }
                    var expression = Whole(use);
                    if (IsWritten(expression))
                    {
                        return null;
                    }
                    uses.Add((location.Document.Id, expression.Span));
                }
            }
        }
        var attribute = Attribute(field, union, model, type.SpanStart, Summary(declaration));
        return new Plan(field, declaration, type, union, attribute, uses, isMask ? null : field.Type.ToMinimalDisplayString(model, declaration.SpanStart));
    }

    /// <summary>
    /// Each document changed in one <c>ReplaceNodes</c> (nested edits compose: a cast use inside the
    /// type is kept when the type changes), with no node made elastic, so nothing is reformatted.
    /// </summary>
    private static async Task<Solution> ApplyAsync(Solution solution, Plan plan, CancellationToken cancellationToken)
    {
        var fieldDocument = solution.GetDocumentId(plan.Declaration.SyntaxTree)!;
        foreach (var documentId in plan.UsesToCast.Select(use => use.Document).Append(fieldDocument).Distinct())
        {
            var root = await solution.GetDocument(documentId)!.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var uses = plan.UsesToCast.Where(use => use.Document == documentId)
                .Select(use => root!.FindNode(use.Span, getInnermostNodeForTie: true)).ToList();
            var types = documentId == fieldDocument ? plan.Type.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().ToList() : new List<TypeDeclarationSyntax>();
            var changed = root!.ReplaceNodes(uses.Concat(types), (original, rewritten) =>
                original == plan.Type ? Converted((TypeDeclarationSyntax)rewritten, plan)
                : original is TypeDeclarationSyntax container && types.Contains(container) ? FixSyntax.WithPartial((TypeDeclarationSyntax)rewritten)
                : CastBack((ExpressionSyntax)rewritten, plan.NumberType!));
            solution = solution.WithDocumentSyntaxRoot(documentId, changed);
        }
        return solution;
    }

    /// <summary>
    /// The type without the field (its own lines only: its doc comment and the blank line above it go,
    /// the members around it keep their spacing), with the set's attribute, partial.
    /// </summary>
    private static TypeDeclarationSyntax Converted(TypeDeclarationSyntax type, Plan plan)
    {
        type = type.RemoveNode(type.Members[plan.Type.Members.IndexOf(plan.Declaration)], SyntaxRemoveOptions.KeepNoTrivia)!;
        return FixSyntax.WithPartial(FixSyntax.WithAttributeList(type, plan.Attribute));
    }

    /// <summary><c>[RegisterSet("NAME", VcpuReg.RAX, ...)]</c>, each name as code at the type binds it.</summary>
    private static AttributeListSyntax Attribute(IFieldSymbol field, RegisterUnion union, SemanticModel model, int position, string? summary)
    {
        var attributeType = model.Compilation.GetTypeByMetadataName(KnownNames.Namespace + "." + KnownNames.RegisterSet);
        var name = attributeType?.ToMinimalDisplayString(model, position) ?? KnownNames.Namespace + "." + KnownNames.RegisterSet;
        name = name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        var file = union.RegisterEnum.ToMinimalDisplayString(model, position);
        var arguments = new List<AttributeArgumentSyntax>
        {
            SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(field.Name))),
        };
        arguments.AddRange(union.Registers.Select(register => SyntaxFactory.AttributeArgument(SyntaxFactory.ParseExpression(file + "." + SymbolNames.Escaped(register.Name)))));
        if (summary is not null)
        {
            arguments.Add(SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(summary)))
                .WithNameEquals(SyntaxFactory.NameEquals("Summary")));
        }
        var attribute = SyntaxFactory.Attribute(SyntaxFactory.ParseName(name), SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(arguments)));
        return SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).NormalizeWhitespace();
    }

    /// <summary>The field's <c>/// &lt;summary&gt;</c>, on one line, to become the set's Summary.</summary>
    private static string? Summary(FieldDeclarationSyntax declaration)
    {
        var summary = declaration.GetLeadingTrivia().Select(trivia => trivia.GetStructure()).OfType<DocumentationCommentTriviaSyntax>()
            .SelectMany(comment => comment.Content.OfType<XmlElementSyntax>())
            .FirstOrDefault(element => element.StartTag.Name.LocalName.ValueText == "summary");
        if (summary is null)
        {
            return null;
        }
        var text = string.Join(" ", summary.Content.OfType<XmlTextSyntax>().SelectMany(part => part.TextTokens)
            .Where(token => token.IsKind(SyntaxKind.XmlTextLiteralToken)).Select(token => token.ValueText.Trim()).Where(part => part.Length > 0));
        return text.Length == 0 || summary.Content.Any(part => part is not XmlTextSyntax) ? null : text;
    }

    /// <summary>The expression a reference is: <c>Vmx.NAME</c> as a whole, or <c>NAME</c>.</summary>
    private static ExpressionSyntax Whole(SyntaxNode use) =>
        use.Parent is MemberAccessExpressionSyntax access && access.Name == use ? access
            : use.Parent is MemberBindingExpressionSyntax binding ? binding
            : (ExpressionSyntax)use;

    private static bool IsInNameOf(SyntaxNode use) =>
        use.Ancestors().OfType<InvocationExpressionSyntax>().Any(invocation => invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" });

    /// <summary>Assigned, incremented, or passed by <c>ref</c>/<c>out</c>/<c>in</c>, or its address taken.</summary>
    private static bool IsWritten(ExpressionSyntax expression) => expression.Parent switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left == expression,
        PrefixUnaryExpressionSyntax prefix => prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression) || prefix.IsKind(SyntaxKind.AddressOfExpression),
        PostfixUnaryExpressionSyntax => true,
        ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
        RefExpressionSyntax => true,
        _ => false,
    };

    /// <summary><c>(ulong)NAME</c>, parenthesized where something binds tighter than a cast.</summary>
    private static ExpressionSyntax CastBack(ExpressionSyntax use, string type)
    {
        var cast = SyntaxFactory.CastExpression(SyntaxFactory.ParseTypeName(type), use.WithoutTrivia());
        ExpressionSyntax written = use.Parent is MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or ConditionalAccessExpressionSyntax or InvocationExpressionSyntax
            ? SyntaxFactory.ParenthesizedExpression(cast)
            : cast;
        return written.WithTriviaFrom(use);
    }
}
