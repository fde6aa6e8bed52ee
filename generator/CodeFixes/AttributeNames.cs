using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Shared;

namespace RegisterMasks.CodeFixes;

/// <summary>
/// How a fix names one of our attributes so that, where it lands, it binds to ours and not to a
/// user's type of the same name (a JIT's own <c>RegisterSet</c>, or a <c>RegisterMasking</c> of its
/// own). Candidates, first that binds wins, each checked by binding the attribute speculatively at
/// the declaration it goes on:
/// <list type="number">
/// <item>the way the user wrote a sibling attribute, when qualified (<c>RegisterMasking.RegisterFile</c>);</item>
/// <item>the short name, <c>RegisterSet</c>, when the document's usings bring ours in;</item>
/// <item>the short name with <c>using RegisterMasking;</c> added, when the namespace is not imported
///   yet and, in a compilation with the using, it binds to ours and every name in the document that one
///   of our types could answer binds as before (the using could make one ambiguous);</item>
/// <item>else <c>global::RegisterMasking.RegisterSet</c>, which always does.</item>
/// </list>
/// The using is added after the edit (<see cref="WithUsings"/>), where the document keeps its usings.
/// </summary>
internal sealed class AttributeNames
{
    /// <summary>Marks a node whose attribute name needs <c>using RegisterMasking;</c> in its document.</summary>
    private static readonly SyntaxAnnotation NeedsUsing = new("RegisterMasks.NeedsUsing");

    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<(string, SyntaxNode?, SyntaxNode?), AttributeSyntax> _written = new();

    public AttributeNames(SemanticModel model, CancellationToken cancellationToken)
    {
        _model = model;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The attribute <c>[simpleName(arguments)]</c> named to bind to ours at <paramref name="position"/>
    /// (the start of the declaration it goes on); annotated when the document needs the using.
    /// </summary>
    /// <param name="simpleName">Without <c>Attribute</c>: <c>RegisterSet</c>.</param>
    public AttributeSyntax Attribute(string simpleName, AttributeArgumentListSyntax? arguments, int position, AttributeSyntax? sibling = null)
    {
        if (arguments is not null)
        {
            return Choose(simpleName, arguments, position, sibling);
        }
        // Fix All marks many members of one enum: one choice per declaration (so per scope) and name.
        var scope = _model.SyntaxTree.GetRoot(_cancellationToken).FindToken(position).Parent?.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>();
        if (!_written.TryGetValue((simpleName, scope, sibling), out var written))
        {
            _written.Add((simpleName, scope, sibling), written = Choose(simpleName, null, position, sibling));
        }
        return written;
    }

    private AttributeSyntax Choose(string simpleName, AttributeArgumentListSyntax? arguments, int position, AttributeSyntax? sibling)
    {
        if (sibling?.Name is QualifiedNameSyntax { Left: var qualifier } && Binds(Make(SyntaxFactory.QualifiedName(qualifier.WithoutTrivia(), SyntaxFactory.IdentifierName(simpleName)), arguments), simpleName, _model, position) is { } styled)
        {
            return styled;
        }
        var plain = Make(SyntaxFactory.IdentifierName(simpleName), arguments);
        if (Binds(plain, simpleName, _model, position) is not null)
        {
            return plain;
        }
        if (BindsWithUsing(plain, simpleName, position))
        {
            return plain.WithAdditionalAnnotations(NeedsUsing);
        }
        return Global(simpleName, arguments);
    }

    /// <summary><c>[global::RegisterMasking.RegisterSet(...)]</c>: ours wherever it is written (the name to use without a semantic model).</summary>
    public static AttributeSyntax Global(string simpleName, AttributeArgumentListSyntax? arguments) =>
        Make(SyntaxFactory.QualifiedName(
                SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)), SyntaxFactory.IdentifierName(KnownNames.Namespace)),
                SyntaxFactory.IdentifierName(simpleName)),
            arguments);

    private static AttributeSyntax Make(NameSyntax name, AttributeArgumentListSyntax? arguments) => SyntaxFactory.Attribute(name, arguments);

    private static AttributeSyntax? Binds(AttributeSyntax attribute, string simpleName, SemanticModel model, int position)
    {
        var bound = model.GetSpeculativeSymbolInfo(position, attribute);
        var constructor = bound.Symbol ?? (bound.CandidateReason == CandidateReason.OverloadResolutionFailure ? bound.CandidateSymbols.FirstOrDefault() : null);
        return KnownNames.IsOurs(constructor?.ContainingType, simpleName + "Attribute") ? attribute : null;
    }

    /// <summary>
    /// Whether, with <c>using RegisterMasking;</c> added, the short name binds to ours and nothing else
    /// in the document reads differently. Checked in a compilation with the document so changed: the using
    /// binds to our namespace, the attribute to ours, and every name in the document that one of our types
    /// could answer (by its own name, or in an attribute also without <c>Attribute</c>) binds to what it
    /// bound to before, unambiguously: a user type of that name imported beside ours would be ambiguous
    /// now, and so would an alias of ours (<c>using RegisterFile = RegisterMasking.RegisterFileAttribute;</c>).
    /// </summary>
    private bool BindsWithUsing(AttributeSyntax attribute, string simpleName, int position)
    {
        if (Imported(position) || _model.Compilation.GlobalNamespace.GetNamespaceMembers().FirstOrDefault(ns => ns.Name == KnownNames.Namespace) is not { } ours)
        {
            return false;
        }
        var tree = _model.SyntaxTree;
        var root = tree.GetRoot(_cancellationToken);
        var marked = root.FindToken(position).Parent!;
        var watched = Answerable(root, ours).ToList();
        var annotated = root.ReplaceNodes(watched.Append(marked), (original, rewritten) =>
            original == marked ? rewritten.WithAdditionalAnnotations(NeedsUsing) : rewritten.WithAdditionalAnnotations(new SyntaxAnnotation(Watched, watched.IndexOf((SimpleNameSyntax)original).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var changed = tree.WithRootAndOptions(WithUsings(annotated), tree.Options);
        var changedRoot = changed.GetRoot(_cancellationToken);
        var model = _model.Compilation.ReplaceSyntaxTree(tree, changed).GetSemanticModel(changed);
        var added = changedRoot.DescendantNodes().OfType<UsingDirectiveSyntax>().FirstOrDefault(IsOurs);
        if (added is null || model.GetSymbolInfo(added.Name!, _cancellationToken).Symbol is not INamespaceSymbol { ContainingNamespace.IsGlobalNamespace: true }
            || Binds(attribute, simpleName, model, changedRoot.GetAnnotatedNodes(NeedsUsing).Single().SpanStart + (position - marked.SpanStart)) is null)
        {
            return false;
        }
        foreach (var now in changedRoot.GetAnnotatedNodes(Watched))
        {
            var before = watched[int.Parse(now.GetAnnotations(Watched).First().Data!, System.Globalization.CultureInfo.InvariantCulture)];
            if (Key(_model.GetSymbolInfo(before, _cancellationToken).Symbol) != Key(model.GetSymbolInfo(now, _cancellationToken).Symbol))
            {
                return false;
            }
        }
        return true;
    }

    private const string Watched = "RegisterMasks.Watched";

    /// <summary>Our namespace is imported at the position already (a second using would warn, and would not help).</summary>
    private bool Imported(int position) =>
        _model.GetImportScopes(position, _cancellationToken).SelectMany(scope => scope.Imports)
            .Any(import => import.NamespaceOrType is INamespaceSymbol { Name: KnownNames.Namespace, ContainingNamespace.IsGlobalNamespace: true });

    /// <summary>The names in the document one of our types could answer once our namespace is imported.</summary>
    private static IEnumerable<SimpleNameSyntax> Answerable(SyntaxNode root, INamespaceSymbol ours)
    {
        var names = new HashSet<string>(ours.GetTypeMembers().Select(type => type.Name), System.StringComparer.Ordinal);
        var attributeNames = new HashSet<string>(names.Where(name => name.EndsWith("Attribute", System.StringComparison.Ordinal))
            .Select(name => name.Substring(0, name.Length - "Attribute".Length)), System.StringComparer.Ordinal);
        return root.DescendantNodes().OfType<SimpleNameSyntax>().Where(identifier =>
            names.Contains(identifier.Identifier.ValueText)
            || attributeNames.Contains(identifier.Identifier.ValueText) && identifier.FirstAncestorOrSelf<NameSyntax>(name => name.Parent is AttributeSyntax) is not null);
    }

    /// <summary>A symbol as two compilations of the same sources can compare it.</summary>
    private static string Key(ISymbol? symbol) =>
        symbol is null ? "" : symbol.Kind + " " + symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + " " + symbol.ContainingAssembly?.Identity.Name;

    /// <summary>
    /// <c>using RegisterMasking;</c> for each node a fix marked, where the document keeps its usings: the
    /// document's own list, else the nearest namespace around the node that has one, else a new list at the
    /// top (after the document's header comments, before any doc comment). In the list, at its place in
    /// order (System first, then by name), indented as its neighbours. Idempotent.
    /// </summary>
    public static SyntaxNode WithUsings(SyntaxNode root)
    {
        // Each pass keeps the marks (only usings and the first declaration's trivia change), in the same order.
        var count = root.GetAnnotatedNodes(NeedsUsing).Count();
        for (var i = 0; i < count; i++)
        {
            root = WithUsing((CompilationUnitSyntax)root, root.GetAnnotatedNodes(NeedsUsing).ElementAt(i));
        }
        return root;
    }

    private static CompilationUnitSyntax WithUsing(CompilationUnitSyntax unit, SyntaxNode at)
    {
        var scopes = at.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().ToList();
        if (unit.Usings.Concat(scopes.SelectMany(scope => scope.Usings)).Any(IsOurs))
        {
            return unit;
        }
        var newLine = unit.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: (int)SyntaxKind.EndOfLineTrivia } found ? found : SyntaxFactory.EndOfLine("\n");
        var scope = unit.Usings.Count == 0 ? scopes.FirstOrDefault(candidate => candidate.Usings.Count > 0) : null;
        if (scope is not null)
        {
            return unit.ReplaceNode(scope, scope switch
            {
                NamespaceDeclarationSyntax block => block.WithUsings(Inserted(block.Usings, newLine)),
                FileScopedNamespaceDeclarationSyntax fileScoped => fileScoped.WithUsings(Inserted(fileScoped.Usings, newLine)),
                _ => scope,
            });
        }
        if (unit.Usings.Count > 0)
        {
            return unit.WithUsings(Inserted(unit.Usings, newLine));
        }
        // No using yet: one at the top, its own paragraph; the first declaration keeps its doc comment.
        var first = unit.Members.FirstOrDefault();
        if (first is null)
        {
            return unit;
        }
        var leading = first.GetLeadingTrivia();
        var split = leading.IndexOf(SyntaxKind.SingleLineDocumentationCommentTrivia) is var doc and >= 0 ? doc : leading.IndexOf(SyntaxKind.MultiLineDocumentationCommentTrivia);
        split = split < 0 ? leading.Count : split;
        while (split > 0 && leading[split - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            split--;   // the doc comment's indentation stays with it
        }
        var directive = Using().WithLeadingTrivia(leading.Take(split)).WithTrailingTrivia(newLine);
        var rest = SyntaxFactory.TriviaList(new[] { newLine }.Concat(leading.Skip(split)));
        return unit.ReplaceNode(first, first.WithLeadingTrivia(rest)).WithUsings(SyntaxFactory.SingletonList(directive));
    }

    /// <summary>
    /// The list with ours at its place: before the first plain using that sorts after it, else after
    /// the last. The order is the document's: System's first when the document starts with one, else by name.
    /// </summary>
    private static SyntaxList<UsingDirectiveSyntax> Inserted(SyntaxList<UsingDirectiveSyntax> usings, SyntaxTrivia newLine)
    {
        var plain = usings.Where(IsPlain).ToList();
        var systemFirst = plain.Count > 0 && IsSystem(plain[0].Name!.ToString());
        var before = plain.FirstOrDefault(directive => Compare(KnownNames.Namespace, directive.Name!.ToString(), systemFirst) < 0);
        var index = before is not null ? usings.IndexOf(before) : plain.Count > 0 ? usings.IndexOf(plain[plain.Count - 1]) + 1 : usings.Count;
        var neighbour = usings[index < usings.Count ? index : index - 1];
        var indentation = neighbour.GetLeadingTrivia().LastOrDefault() is var last && last.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(last) : SyntaxFactory.TriviaList();
        var directive = Using().WithTrailingTrivia(newLine);
        if (index == 0)
        {
            // First now: the document's header comments, above the first using, stay above it.
            directive = directive.WithLeadingTrivia(neighbour.GetLeadingTrivia());
            usings = usings.Replace(neighbour, neighbour.WithLeadingTrivia(indentation));
            return usings.Insert(0, directive);
        }
        return usings.Insert(index, directive.WithLeadingTrivia(indentation));
    }

    private static int Compare(string x, string y, bool systemFirst)
    {
        var groups = systemFirst ? (IsSystem(x) ? 0 : 1).CompareTo(IsSystem(y) ? 0 : 1) : 0;
        return groups != 0 ? groups : System.StringComparer.OrdinalIgnoreCase.Compare(x, y);
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal);

    private static bool IsPlain(UsingDirectiveSyntax directive) =>
        directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.GlobalKeyword.IsKind(SyntaxKind.None) && directive.Name is not null;

    private static bool IsOurs(UsingDirectiveSyntax directive) => IsPlain(directive) && directive.Name!.ToString() == KnownNames.Namespace;

    private static UsingDirectiveSyntax Using() =>
        SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName(KnownNames.Namespace)).WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space));
}
