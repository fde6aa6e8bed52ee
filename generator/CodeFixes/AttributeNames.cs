using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Parsing;

namespace RegisterMasks.CodeFixes;

/// <summary>
/// How a fix names one of our attributes so that, where it lands, it binds to ours and not to a
/// user's type of the same name (a JIT's own <c>RegisterSet</c>, or a <c>RegisterMasking</c> of its
/// own). Candidates, first that binds wins, each checked by binding the attribute speculatively at
/// the declaration it goes on:
/// <list type="number">
/// <item>the way the user wrote a sibling attribute, when qualified (<c>RegisterMasking.RegisterFile</c>);</item>
/// <item>the short name, <c>RegisterSet</c>, when the file's usings bring ours in;</item>
/// <item>the short name with <c>using RegisterMasking;</c> added, when the namespace is not imported
///   yet, no name in the file that could mean one of our types means another now (the using could
///   make it ambiguous), and in a compilation with the using it binds to ours;</item>
/// <item>else <c>global::RegisterMasking.RegisterSet</c>, which always does.</item>
/// </list>
/// The using is added after the edit (<see cref="WithUsings"/>), where the file keeps its usings.
/// </summary>
internal sealed class AttributeNames
{
    /// <summary>Marks a node whose attribute name needs <c>using RegisterMasking;</c> in its file.</summary>
    private static readonly SyntaxAnnotation NeedsUsing = new("RegisterMasks.NeedsUsing");

    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<(string, SyntaxNode?, SyntaxNode?), AttributeSyntax> _written = new();
    private bool? _usingCanBeAdded;

    public AttributeNames(SemanticModel model, CancellationToken cancellationToken)
    {
        _model = model;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The attribute <c>[simpleName(arguments)]</c> named to bind to ours at <paramref name="position"/>
    /// (the start of the declaration it goes on); annotated when the file needs the using.
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
        var global = SyntaxFactory.QualifiedName(
            SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)), SyntaxFactory.IdentifierName(KnownNames.Namespace)),
            SyntaxFactory.IdentifierName(simpleName));
        return Make(global, arguments);
    }

    private static AttributeSyntax Make(NameSyntax name, AttributeArgumentListSyntax? arguments) => SyntaxFactory.Attribute(name, arguments);

    private static AttributeSyntax? Binds(AttributeSyntax attribute, string simpleName, SemanticModel model, int position)
    {
        var bound = model.GetSpeculativeSymbolInfo(position, attribute);
        var constructor = bound.Symbol ?? (bound.CandidateReason == CandidateReason.OverloadResolutionFailure ? bound.CandidateSymbols.FirstOrDefault() : null);
        return KnownNames.IsOurs(constructor?.ContainingType, simpleName + "Attribute") ? attribute : null;
    }

    private bool BindsWithUsing(AttributeSyntax attribute, string simpleName, int position)
    {
        if (!(_usingCanBeAdded ??= UsingCanBeAdded(position)))
        {
            return false;
        }
        // The file as it would be, in a compilation with it: the using must bind to our namespace, and the attribute to ours.
        var tree = _model.SyntaxTree;
        var root = tree.GetRoot(_cancellationToken);
        var marked = root.FindToken(position).Parent!;
        var changed = tree.WithRootAndOptions(WithUsings(root.ReplaceNode(marked, marked.WithAdditionalAnnotations(NeedsUsing))), tree.Options);
        var changedRoot = changed.GetRoot(_cancellationToken);
        var model = _model.Compilation.ReplaceSyntaxTree(tree, changed).GetSemanticModel(changed);
        var added = changedRoot.DescendantNodes().OfType<UsingDirectiveSyntax>().FirstOrDefault(IsOurs);
        return added is not null
            && model.GetSymbolInfo(added.Name!, _cancellationToken).Symbol is INamespaceSymbol { ContainingNamespace.IsGlobalNamespace: true }
            && Binds(attribute, simpleName, model, changedRoot.GetAnnotatedNodes(NeedsUsing).Single().SpanStart + (position - marked.SpanStart)) is not null;
    }

    /// <summary>
    /// Not imported yet anywhere in scope (a second using would warn, and would not help), and no
    /// name in the file that one of our types could answer binds to another thing now: with our
    /// namespace imported it could become ambiguous, or mean ours. A name answers by the type's own
    /// name, and in an attribute also without <c>Attribute</c> (<c>[RegisterSet]</c>).
    /// </summary>
    private bool UsingCanBeAdded(int position)
    {
        if (_model.GetImportScopes(position, _cancellationToken).SelectMany(scope => scope.Imports)
            .Any(import => import.NamespaceOrType is INamespaceSymbol { Name: KnownNames.Namespace, ContainingNamespace.IsGlobalNamespace: true }))
        {
            return false;
        }
        var ours = _model.Compilation.GlobalNamespace.GetNamespaceMembers().FirstOrDefault(ns => ns.Name == KnownNames.Namespace);
        if (ours is null)
        {
            return false;
        }
        var names = new HashSet<string>(ours.GetTypeMembers().Select(type => type.Name), System.StringComparer.Ordinal);
        var attributeNames = new HashSet<string>(names.Where(name => name.EndsWith("Attribute", System.StringComparison.Ordinal))
            .Select(name => name.Substring(0, name.Length - "Attribute".Length)), System.StringComparer.Ordinal);
        foreach (var identifier in _model.SyntaxTree.GetRoot(_cancellationToken).DescendantNodes().OfType<SimpleNameSyntax>())
        {
            var text = identifier.Identifier.ValueText;
            if ((names.Contains(text) || attributeNames.Contains(text) && identifier.FirstAncestorOrSelf<NameSyntax>(name => name.Parent is AttributeSyntax) is not null)
                && !(_model.GetSymbolInfo(identifier, _cancellationToken).Symbol is { } symbol
                    && (symbol is INamedTypeSymbol named ? named : symbol.ContainingType) is { } type && SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, ours)))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// <c>using RegisterMasking;</c> for each node a fix marked, where the file keeps its usings: the
    /// file's own list, else the nearest namespace around the node that has one, else a new list at the
    /// top (after the file's header comments, before any doc comment). In the list, at its place in
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

    /// <summary>The list with ours at its place: before the first plain using that sorts after it (System first), else after the last.</summary>
    private static SyntaxList<UsingDirectiveSyntax> Inserted(SyntaxList<UsingDirectiveSyntax> usings, SyntaxTrivia newLine)
    {
        var plain = usings.Where(IsPlain).ToList();
        var before = plain.FirstOrDefault(directive => Compare(KnownNames.Namespace, directive.Name!.ToString()) < 0);
        var index = before is not null ? usings.IndexOf(before) : plain.Count > 0 ? usings.IndexOf(plain[plain.Count - 1]) + 1 : usings.Count;
        var neighbour = usings[index < usings.Count ? index : index - 1];
        var indentation = neighbour.GetLeadingTrivia().LastOrDefault() is var last && last.IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(last) : SyntaxFactory.TriviaList();
        var directive = Using().WithTrailingTrivia(newLine);
        if (index == 0)
        {
            // First now: the file's header comments, above the first using, stay above it.
            directive = directive.WithLeadingTrivia(neighbour.GetLeadingTrivia());
            usings = usings.Replace(neighbour, neighbour.WithLeadingTrivia(indentation));
            return usings.Insert(0, directive);
        }
        return usings.Insert(index, directive.WithLeadingTrivia(indentation));
    }

    private static int Compare(string x, string y)
    {
        static int Group(string name) => name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal) ? 0 : 1;
        var groups = Group(x).CompareTo(Group(y));
        return groups != 0 ? groups : System.StringComparer.OrdinalIgnoreCase.Compare(x, y);
    }

    private static bool IsPlain(UsingDirectiveSyntax directive) =>
        directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.GlobalKeyword.IsKind(SyntaxKind.None) && directive.Name is not null;

    private static bool IsOurs(UsingDirectiveSyntax directive) => IsPlain(directive) && directive.Name!.ToString() == KnownNames.Namespace;

    private static UsingDirectiveSyntax Using() =>
        SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName(KnownNames.Namespace)).WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space));
}
