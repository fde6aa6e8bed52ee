using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;
using RegisterMasks.Shared;

namespace RegisterMasks.CodeFixes;

/// <summary>
/// "Convert to [RegisterSet]": a union of registers of one register file or register class (see <see cref="RegisterUnion"/>)
/// becomes <c>[RegisterSet("NAME", ...)]</c> on its type (made partial), so the generator declares
/// the constant with the same value, checked; a class's set names its holder (<c>RegisterFile = typeof(X86Vec)</c>)
/// only where the generator would not find the class by member. Two places hold such unions:
/// <list type="bullet">
/// <item>a <c>const</c> or <c>static readonly</c> field: the set takes its name and accessibility and
///   the field goes. A field of the mask's type needs nothing else; a field that was a number keeps
///   every use compiling by casting it back, <c>(ulong)Vmx.NAME</c>, which is still a constant (so
///   <c>case</c> labels, attribute arguments and other constants keep working). Not offered when a use
///   writes the field or takes it by reference: a cast cannot stand there.</item>
/// <item>the value a method or property returns (<c>=&gt; ...</c>, or a <c>return</c>): the set is named
///   after the member (<c>GetCallerSaved()</c> gives <c>CallerSaved</c>) and has its accessibility; the
///   member returns the set, cast back to the number it returned.</item>
/// </list>
/// Every name written binds to our symbols where it lands (<see cref="AttributeNames"/>, <see cref="BoundNames"/>).
/// </summary>
[ExportCodeRefactoringProvider(LanguageNames.CSharp, Name = nameof(ConvertToRegisterSetRefactoring)), Shared]
public sealed class ConvertToRegisterSetRefactoring : CodeRefactoringProvider
{
    public override async Task ComputeRefactoringsAsync(CodeRefactoringContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }
        var node = root.FindNode(context.Span);
        var plan = node.FirstAncestorOrSelf<FieldDeclarationSyntax>() is { } field
            ? await FieldPlanAsync(context.Document, field, model, context.CancellationToken).ConfigureAwait(false)
            : ReturnPlan(node, model, context.CancellationToken);
        if (plan is null)
        {
            return;
        }
        context.RegisterRefactoring(CodeAction.Create(
            plan.Title,
            cancellationToken => ApplyAsync(context.Document.Project.Solution, plan, cancellationToken),
            "RegisterMasks.ConvertToRegisterSet"));
    }

    /// <summary>What the conversion needs, or null when it cannot keep the name, the value and every use.</summary>
    /// <param name="Name">The set's name.</param>
    /// <param name="Accessibility">What to write as <c>Accessibility</c>; null when the default gives the member's.</param>
    /// <param name="Removed">The field, for a field; it goes.</param>
    /// <param name="Returned">The value returned, for a member; it becomes the set's name.</param>
    /// <param name="NumberType">The number the value was, to cast the set back to; null when it was the mask.</param>
    /// <param name="Holder">A register class's holder to name as <c>RegisterFile = typeof(...)</c>, where the set would not find its class unaided.</param>
    private sealed record Plan(
        string Title, string Name, TypeDeclarationSyntax Type, RegisterUnion Union, string? Summary, string? Accessibility, string? NumberType,
        FieldDeclarationSyntax? Removed, ExpressionSyntax? Returned, IReadOnlyList<(DocumentId Document, TextSpan Span)> UsesToCast,
        INamedTypeSymbol? Holder = null);

    private static async Task<Plan?> FieldPlanAsync(Document document, FieldDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        if (declaration.Declaration.Variables.Count != 1 || declaration.AttributeLists.Count > 0
            || declaration.Parent is not (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax) || declaration.Parent is not TypeDeclarationSyntax type
            || declaration.Declaration.Variables[0] is not { Initializer.Value: { } value } variable
            || model.GetDeclaredSymbol(variable, cancellationToken) is not IFieldSymbol { IsStatic: true } field
            || !(field.IsConst || field.IsReadOnly)
            || model.GetOperation(value, cancellationToken) is not { } operation
            || RegisterUnion.Read(operation, cancellationToken) is not { } union)
        {
            return null;
        }
        var isMask = SymbolEqualityComparer.Default.Equals(field.Type, union.Mask);
        if (!isMask && !IsNumber(field.Type) || !TryGetHolder(union, field.ContainingType, out var holder))
        {
            return null;
        }
        var accessibility = Kept(field.DeclaredAccessibility, field.ContainingType, union.Mask, out var effective);
        var uses = new List<(DocumentId, TextSpan)>();
        var references = isMask && effective == Accessibility.Public
            ? Enumerable.Empty<ReferencedSymbol>()   // nothing to cast, and every project can read the constant
            : await SymbolFinder.FindReferencesAsync(field, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var reference in references)
        {
            foreach (var location in reference.Locations)
            {
                if (location.Document.Project.Id != document.Project.Id && effective != Accessibility.Public)
                {
                    return null;   // another project reads it, and the constant is internal to this one
                }
                if (isMask)
                {
                    continue;
                }
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
        return new Plan($"Convert '{field.Name}' to [RegisterSet]", field.Name, type, union, Summary(declaration), accessibility,
            isMask ? null : field.Type.ToMinimalDisplayString(model, declaration.SpanStart), declaration, null, uses, holder);
    }

    /// <summary>The value a method or property returns, at or around <paramref name="node"/>, as a set of the type.</summary>
    private static Plan? ReturnPlan(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (Returned(node) is not { } returned || returned.Member.Parent is not (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax)
            || returned.Member.Parent is not TypeDeclarationSyntax type
            || model.GetDeclaredSymbol(returned.Member, cancellationToken) is not { } member
            || model.GetOperation(returned.Value, cancellationToken) is not { } operation
            || RegisterUnion.Read(operation, cancellationToken) is not { } union)
        {
            return null;
        }
        var valueType = model.GetTypeInfo(returned.Value, cancellationToken).Type;
        var isMask = SymbolEqualityComparer.Default.Equals(valueType, union.Mask);
        if (!isMask && !IsNumber(valueType) || !TryGetHolder(union, member.ContainingType, out var holder))
        {
            return null;
        }
        var name = SetName(member, type, union, returned.Value, model, cancellationToken);
        if (name is null)
        {
            return null;
        }
        var accessibility = Kept(member.DeclaredAccessibility, member.ContainingType, union.Mask, out _);
        return new Plan($"Convert the value '{member.Name}' returns to [RegisterSet] '{name}'", name, type, union, null, accessibility,
            isMask ? null : valueType!.ToMinimalDisplayString(model, returned.Value.SpanStart), null, returned.Value, new (DocumentId, TextSpan)[0], holder);
    }

    /// <summary>
    /// For a register class's union, the holder the set must name, <c>RegisterFile = typeof(X86Vec)</c>, where the
    /// generator would not find the class unaided: the enum also has a <c>[RegisterFile]</c>, or another class holds
    /// every register too, or the type the set goes on bears classes of the enum other than this one alone among those
    /// holding them. Null where it finds it (a file's union; one class holds them, by member). False (not offered) when
    /// the holder is needed and cannot be found.
    /// </summary>
    private static bool TryGetHolder(RegisterUnion union, INamedTypeSymbol container, out INamedTypeSymbol? holder)
    {
        holder = null;
        if (!union.IsClass)
        {
            return true;
        }
        var onContainer = ClassMasksOn(container).Where(mask => SymbolEqualityComparer.Default.Equals(GeneratedMasks.RegisterEnumOf(mask), union.RegisterEnum)).ToList();
        var needed = onContainer.Count == 0
            ? !union.Inferred
            : !onContainer.Where(mask => union.Registers.All(register => GeneratedMasks.BitOf(mask, register) is not null))
                .SequenceEqual(new[] { union.Mask }, SymbolEqualityComparer.Default);
        if (!needed)
        {
            return true;
        }
        holder = Types(union.Mask.ContainingNamespace)
            .FirstOrDefault(type => ClassMasksOn(type).Contains(union.Mask, SymbolEqualityComparer.Default));
        return holder is not null;
    }

    /// <summary>The masks of the register classes a type bears (each generated in its namespace, by the name its attribute gives).</summary>
    private static IEnumerable<INamedTypeSymbol> ClassMasksOn(INamedTypeSymbol type) =>
        type.GetAttributes().Where(attribute => KnownNames.IsOurs(attribute.AttributeClass, KnownNames.RegisterClass))
            .Select(attribute => attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[1].Value is string name
                ? type.ContainingNamespace.GetTypeMembers(name.TrimStart('@')).FirstOrDefault(mask => GeneratedMasks.IsEnumMask(mask, out _))
                : null)
            .OfType<INamedTypeSymbol>();

    /// <summary>The types of a namespace declared in source, nested ones included: where a class's holder is.</summary>
    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns)
    {
        var pending = new Stack<INamedTypeSymbol>(ns.GetTypeMembers().Where(type => type.Locations.Any(location => location.IsInSource)));
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            yield return type;
            foreach (var nested in type.GetTypeMembers())
            {
                pending.Push(nested);
            }
        }
    }

    /// <summary>
    /// The returned value <paramref name="node"/> is in, and the method or property returning it: a
    /// <c>return</c> or <c>=&gt;</c> of the member itself (not of a lambda or local function in it),
    /// or, from the member's declaration, its only one.
    /// </summary>
    private static (ExpressionSyntax Value, MemberDeclarationSyntax Member)? Returned(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case ReturnStatementSyntax { Expression: { } value } statement:
                    return MemberOf(statement) is { } member ? (value, member) : null;
                case ArrowExpressionClauseSyntax arrow:
                    return MemberOf(arrow) is { } owner ? (arrow.Expression, owner) : null;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or BlockSyntax:
                    return null;
                case MethodDeclarationSyntax or PropertyDeclarationSyntax:
                    var values = Values((MemberDeclarationSyntax)ancestor).Take(2).ToList();
                    return values.Count == 1 ? (values[0], (MemberDeclarationSyntax)ancestor) : null;
                case MemberDeclarationSyntax:
                    return null;
            }
        }
        return null;
    }

    /// <summary>The method or property whose own value <paramref name="node"/> (a return or an arrow) gives: a getter's counts as the property's.</summary>
    private static MemberDeclarationSyntax? MemberOf(SyntaxNode node)
    {
        var function = node.Ancestors().FirstOrDefault(ancestor => ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax
            or MethodDeclarationSyntax or PropertyDeclarationSyntax or MemberDeclarationSyntax);
        return function switch
        {
            MethodDeclarationSyntax method => method,
            PropertyDeclarationSyntax property => property,
            AccessorDeclarationSyntax { RawKind: (int)SyntaxKind.GetAccessorDeclaration, Parent.Parent: PropertyDeclarationSyntax property } => property,
            _ => null,
        };
    }

    /// <summary>Every value the member itself returns.</summary>
    private static IEnumerable<ExpressionSyntax> Values(MemberDeclarationSyntax member) =>
        member.DescendantNodes(descendant => descendant is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .Select(descendant => descendant switch
            {
                ReturnStatementSyntax { Expression: { } value } => value,
                ArrowExpressionClauseSyntax arrow when MemberOf(arrow) == member => arrow.Expression,
                _ => null,
            })
            .OfType<ExpressionSyntax>()
            .Where(value => value.Parent is ArrowExpressionClauseSyntax || MemberOf(value.Parent!) == member);

    /// <summary>
    /// A name for the set from the member's: <c>GetCallerSaved</c> gives <c>CallerSaved</c>, then
    /// <c>CALLER_SAVED</c>, then <c>CallerSavedSet</c>, <c>CallerSavedSet2</c>, ...: the first that no
    /// member of the type (inherited ones too), no name in scope where the value is, and no set of
    /// the register file has. The user renames it as they like.
    /// </summary>
    private static string? SetName(ISymbol member, TypeDeclarationSyntax type, RegisterUnion union, ExpressionSyntax value, SemanticModel model, CancellationToken cancellationToken)
    {
        var stem = member.Name.StartsWith("Get", System.StringComparison.Ordinal) && member.Name.Length > 3 && char.IsUpper(member.Name[3]) ? member.Name.Substring(3) : member.Name;
        var container = member.ContainingType;
        var candidates = new[] { stem, Screaming(stem), stem + "Set" }.Concat(Enumerable.Range(2, 98).Select(i => stem + "Set" + i));
        return candidates.FirstOrDefault(name =>
            SymbolNames.IsValidIdentifier(name) && name != KnownNames.AllSetName && name != container.Name
            && container.GetMembers(name).IsEmpty
            && model.LookupSymbols(value.SpanStart, container, name).IsEmpty
            && model.LookupSymbols(value.SpanStart, name: name).IsEmpty
            && !model.Compilation.GetSymbolsWithName(name, SymbolFilter.Member, cancellationToken)
                .Any(symbol => symbol is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.Type, union.Mask)));
    }

    /// <summary><c>CallerSavedGPRs</c> as <c>CALLER_SAVED_GPRS</c>: a word starts at a capital after a small letter or digit, or before a small letter.</summary>
    private static string Screaming(string name)
    {
        var written = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && name[i - 1] != '_'
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])))
            {
                written.Append('_');
            }
            written.Append(char.ToUpperInvariant(c));
        }
        return written.ToString();
    }

    /// <summary>
    /// The <c>Accessibility</c> to write so that the set is as visible as the member it comes from, or
    /// null when the default (public, within the mask's) already is, seen from outside the types around
    /// it (an internal field of an internal class needs nothing); <paramref name="effective"/> is what
    /// the constant itself will have. In a type nothing derives from, protected means private (and
    /// protected internal internal), as C# reads it there: the set says so without protected.
    /// </summary>
    private static string? Kept(Accessibility declared, INamedTypeSymbol container, INamedTypeSymbol mask, out Accessibility effective)
    {
        if (container.IsStatic || container.IsSealed || container.TypeKind == TypeKind.Struct)
        {
            declared = declared switch
            {
                Accessibility.Protected or Accessibility.ProtectedAndInternal => Accessibility.Private,
                Accessibility.ProtectedOrInternal => Accessibility.Internal,
                _ => declared,
            };
        }
        var maskIsPublic = mask.DeclaredAccessibility == Accessibility.Public;
        effective = Within(declared, maskIsPublic);
        var around = Accessibility.Public;
        for (var type = container; type is not null; type = type.ContainingType)
        {
            around = Both(around, type.DeclaredAccessibility);
        }
        return Both(effective, around) == Both(Within(Accessibility.Public, maskIsPublic), around) ? null : SyntaxFacts.GetText(declared);
    }

    /// <summary>As the generator keeps a set's accessibility within its mask's.</summary>
    private static Accessibility Within(Accessibility asked, bool maskIsPublic) =>
        maskIsPublic ? asked : Both(asked, Accessibility.Internal);

    /// <summary>Who may see a member both <paramref name="x"/> and <paramref name="y"/> allow: protected and internal give private protected.</summary>
    private static Accessibility Both(Accessibility x, Accessibility y) =>
        x == y ? x
        : x == Accessibility.Public ? y
        : y == Accessibility.Public ? x
        : x == Accessibility.Private || y == Accessibility.Private ? Accessibility.Private
        : x == Accessibility.ProtectedOrInternal ? y
        : y == Accessibility.ProtectedOrInternal ? x
        : Accessibility.ProtectedAndInternal;   // protected with internal, or either with private protected

    private static bool IsNumber(ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_Byte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
            or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64;

    /// <summary>
    /// Each document changed in one <c>ReplaceNodes</c> (nested edits compose: a cast use inside the
    /// type is kept when the type changes), with no node made elastic, so nothing is reformatted.
    /// </summary>
    private static async Task<Solution> ApplyAsync(Solution solution, Plan plan, CancellationToken cancellationToken)
    {
        var typeDocument = solution.GetDocument(plan.Type.SyntaxTree)!;
        var model = (await typeDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var attribute = Attribute(plan, new AttributeNames(model, cancellationToken), model);
        foreach (var documentId in plan.UsesToCast.Select(use => use.Document).Append(typeDocument.Id).Distinct())
        {
            var root = await solution.GetDocument(documentId)!.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var uses = plan.UsesToCast.Where(use => use.Document == documentId)
                .Select(use => (SyntaxNode)root!.FindNode(use.Span, getInnermostNodeForTie: true)).ToList();
            var types = documentId == typeDocument.Id ? plan.Type.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().ToList() : new List<TypeDeclarationSyntax>();
            var returned = documentId == typeDocument.Id && plan.Returned is not null ? new SyntaxNode[] { plan.Returned } : new SyntaxNode[0];
            var changed = root!.ReplaceNodes(uses.Concat(returned).Concat(types), (original, rewritten) =>
                original == plan.Type ? Converted((TypeDeclarationSyntax)rewritten, plan, attribute)
                : original is TypeDeclarationSyntax container && types.Contains(container) ? FixSyntax.WithPartial((TypeDeclarationSyntax)rewritten)
                : original == plan.Returned ? ReturnedSet((ExpressionSyntax)rewritten, plan)
                : CastBack((ExpressionSyntax)rewritten, plan.NumberType!));
            solution = solution.WithDocumentSyntaxRoot(documentId, AttributeNames.WithUsings(changed));
        }
        return solution;
    }

    /// <summary>
    /// The type with the set's attribute, partial; without the field (its own lines only: its doc
    /// comment and the blank line above it go, the members around it keep their spacing).
    /// </summary>
    private static TypeDeclarationSyntax Converted(TypeDeclarationSyntax type, Plan plan, AttributeSyntax attribute)
    {
        if (plan.Removed is not null)
        {
            type = type.RemoveNode(type.Members[plan.Type.Members.IndexOf(plan.Removed)], SyntaxRemoveOptions.KeepNoTrivia)!;
        }
        return FixSyntax.WithPartial(FixSyntax.WithAttributeList(type, SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))));
    }

    /// <summary>What the member returns now: the set, cast back to the number the value was.</summary>
    private static ExpressionSyntax ReturnedSet(ExpressionSyntax value, Plan plan)
    {
        ExpressionSyntax name = SyntaxFactory.IdentifierName(plan.Name);
        return (plan.NumberType is null ? name : SyntaxFactory.CastExpression(SyntaxFactory.ParseTypeName(plan.NumberType), name)).WithTriviaFrom(value);
    }

    /// <summary><c>[RegisterSet("NAME", VcpuReg.RAX, ...)]</c>, each name binding to ours at the type.</summary>
    private static AttributeSyntax Attribute(Plan plan, AttributeNames names, SemanticModel model)
    {
        var position = plan.Type.SpanStart;
        var file = BoundNames.Type((INamedTypeSymbol)plan.Union.RegisterEnum, model, position);
        var arguments = new List<AttributeArgumentSyntax>
        {
            SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(plan.Name))),
        };
        arguments.AddRange(plan.Union.Registers.Select(register => SyntaxFactory.AttributeArgument(SyntaxFactory.ParseExpression(file + "." + SymbolNames.Escaped(register.Name)))));
        if (plan.Holder is not null)
        {
            arguments.Add(SyntaxFactory.AttributeArgument(SyntaxFactory.TypeOfExpression(SyntaxFactory.ParseTypeName(BoundNames.Type(plan.Holder, model, position))))
                .WithNameEquals(SyntaxFactory.NameEquals("RegisterFile")));
        }
        if (plan.Summary is not null)
        {
            arguments.Add(Named("Summary", plan.Summary));
        }
        if (plan.Accessibility is not null)
        {
            arguments.Add(Named("Accessibility", plan.Accessibility));
        }
        return names.Attribute("RegisterSet", SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(arguments)).NormalizeWhitespace(), position);
    }

    private static AttributeArgumentSyntax Named(string name, string value) =>
        SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)))
            .WithNameEquals(SyntaxFactory.NameEquals(name));

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
        ExpressionSyntax written = Parentheses.Needs(cast, use) ? SyntaxFactory.ParenthesizedExpression(cast) : cast;
        return written.WithTriviaFrom(use);
    }
}
