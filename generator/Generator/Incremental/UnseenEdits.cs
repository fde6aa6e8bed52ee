using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Parsing;

namespace RegisterMasks.Generator.Incremental;

/// <summary>
/// Decides that a top-level edit of a tree without annotations is one no annotation can see, so
/// every model read before stays right. The rule, and why it is sound:
/// </summary>
/// <remarks>
/// <para>Our parsers read a declaration only through names: the names its attributes' arguments
/// bind (<c>VcpuReg.RAX</c>, <c>typeof(T)</c>, <c>nameof(Vmx.SET)</c>, <c>Consts.X</c>), the names
/// they look up beside it (a set's name, taken by a member; <c>{Enum}Mask</c>,
/// <c>{Mask}Extensions</c>, <c>{Mask}JsonConverter</c>, <c>{Mask}Ops</c>, <c>{SET}_ORDER</c>), and the members of the
/// annotated types themselves (<c>LoadRegister</c>). Every one of these is either written in an
/// annotated tree, outside bodies (<see cref="NamesOf"/>), or built on such a name with one of
/// those endings (<see cref="BuiltOn"/>). So an edit
/// is unseen when the edited tree, before and after:</para>
/// <list type="number">
/// <item>has no attribute on a type whose name could be ours (then nothing in it is read);</item>
/// <item>has the same usings, extern aliases, assembly attributes and namespaces (a global using
/// reaches every tree; a namespace can shadow a type);</item>
/// <item>changes no constant and no enum member (a value flows through names into other
/// constants, which no name list can follow);</item>
/// <item>adds, removes or changes (at top level: bodies and non-constant initializers are not
/// compared) only declarations whose name, and the name of every type around them, is neither
/// written in an annotated tree nor built on such a name. (Not the namespaces around them: a lookup
/// through a namespace finds only a declaration named like the next part of the name.)</item>
/// </list>
/// <para>A shadowing type, a new overload, a member added to an annotated type's partial part: each
/// has a name (or a container) an annotated tree writes. When unsure, the scan reads again.</para>
/// </remarks>
internal static class UnseenEdits
{
    /// <summary>The names written in a tree outside method and accessor bodies: identifiers and the text of string literals.</summary>
    public static HashSet<string> NamesOf(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens(static node => node is not (BlockSyntax or ArrowExpressionClauseSyntax)))
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) || token.IsKind(SyntaxKind.StringLiteralToken))
            {
                names.Add(token.ValueText);
            }
        }
        return names;
    }

    /// <summary>Whether the edit from <paramref name="before"/> to <paramref name="after"/> is one no annotation can see (the rule above).</summary>
    public static bool CannotMatter(SyntaxTree before, SyntaxTree after, HashSet<string> candidateNames, IReadOnlyList<HashSet<string>> annotatedNames, CancellationToken cancellationToken)
    {
        if (AnnotationScanner.HasCandidates(before, candidateNames, cancellationToken) || AnnotationScanner.HasCandidates(after, candidateNames, cancellationToken)
            || !SameFrame(before.GetRoot(cancellationToken), after.GetRoot(cancellationToken)))
        {
            return false;
        }
        var (oldDeclarations, newDeclarations) = (s_declarations.Of(before, cancellationToken), s_declarations.Of(after, cancellationToken));
        foreach (var key in oldDeclarations.Keys.Union(newDeclarations.Keys))
        {
            oldDeclarations.TryGetValue(key, out var olds);
            newDeclarations.TryGetValue(key, out var news);
            if (olds is not null && news is not null && olds.Count == news.Count && olds.Zip(news, SameAtTopLevel).All(same => same))
            {
                continue;
            }
            foreach (var changed in (olds ?? Enumerable.Empty<Declaration>()).Concat(news ?? Enumerable.Empty<Declaration>()))
            {
                if (changed.IsValue || changed.Names.Concat(changed.Types).Any(name => MayBeSeen(name, annotatedNames)))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// The endings of the names our parsers build on a written one: <c>{Enum}Mask</c>, <c>{Mask}Extensions</c>, <c>{Mask}JsonConverter</c>,
    /// <c>{Mask}Ops</c>, <c>{SET}_ORDER</c>, <c>{Name}Attribute</c>.
    /// </summary>
    private static readonly string[] BuiltOn = { "Mask", "Extensions", "JsonConverter", "Ops", "_ORDER", "Attribute" };

    /// <summary>A name an annotated tree writes, or one our parsers build on such a name (<see cref="BuiltOn"/>, repeatedly).</summary>
    private static bool MayBeSeen(string name, IReadOnlyList<HashSet<string>> annotatedNames)
    {
        foreach (var names in annotatedNames)
        {
            if (names.Contains(name))
            {
                return true;
            }
        }
        foreach (var ending in BuiltOn)
        {
            if (name.Length > ending.Length && name.EndsWith(ending, System.StringComparison.Ordinal)
                && MayBeSeen(name.Substring(0, name.Length - ending.Length), annotatedNames))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>What around the declarations reaches them: usings, extern aliases, assembly attributes and namespaces, in order.</summary>
    private static bool SameFrame(SyntaxNode before, SyntaxNode after)
    {
        var (olds, news) = (Frame(before).ToList(), Frame(after).ToList());
        return olds.Count == news.Count && olds.Zip(news, (a, b) => SyntaxFactory.AreEquivalent(a, b)).All(same => same);
    }

    private static IEnumerable<SyntaxNode> Frame(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
        {
            switch (node)
            {
                case UsingDirectiveSyntax or ExternAliasDirectiveSyntax or AttributeListSyntax:
                    yield return node;
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    yield return ns.Name;
                    break;
            }
        }
    }

    /// <summary>A declaration of the tree, by where it is and what it is called: its names are its own and its containers'.</summary>
    private sealed class Declaration
    {
        public Declaration(MemberDeclarationSyntax syntax, IReadOnlyList<string> names, IReadOnlyList<string> types, bool isValue)
        {
            Syntax = syntax;
            Names = names;
            Types = types;
            IsValue = isValue;
        }

        public MemberDeclarationSyntax Syntax { get; }

        /// <summary>The names it declares.</summary>
        public IReadOnlyList<string> Names { get; }

        /// <summary>The types around it, outermost first: one list shared by its siblings, never changed once made (only a
        /// changed declaration's names are read, so none is copied for the others).</summary>
        public IReadOnlyList<string> Types { get; }

        /// <summary>A constant or an enum member: its value can reach annotations through other constants.</summary>
        public bool IsValue { get; }
    }

    /// <summary>
    /// A tree's declarations by key, kept per tree (<see cref="PerTree{T}"/>): after one top-level edit, the version before
    /// the next is the one read at the last keystroke, so only the edited version is walked. Read-only once made.
    /// </summary>
    private static readonly PerTree<Dictionary<string, List<Declaration>>> s_declarations = new(static (tree, cancellationToken) =>
    {
        var declarations = new Dictionary<string, List<Declaration>>(System.StringComparer.Ordinal);
        Collect(tree.GetRoot(cancellationToken), "", new List<string>(), declarations);
        return declarations;
    });

    /// <param name="path">Where a declaration is, namespaces included: half of its key.</param>
    /// <param name="types">The types around it: a member of a type an annotation names (a partial part of an annotated type) is seen.
    /// Namespaces are not among them: a lookup through a namespace finds only what is named like the next part of the name.</param>
    private static void Collect(SyntaxNode parent, string path, List<string> types, Dictionary<string, List<Declaration>> declarations)
    {
        foreach (var member in parent.ChildNodes().OfType<MemberDeclarationSyntax>())
        {
            if (member is BaseNamespaceDeclarationSyntax ns)
            {
                Collect(ns, path + "." + ns.Name, types, declarations);
                continue;
            }
            var (names, isValue) = NamesDeclared(member);
            var key = path + "|" + member.Kind() + "|" + string.Join(",", names);
            if (!declarations.TryGetValue(key, out var list))
            {
                declarations.Add(key, list = new List<Declaration>());
            }
            list.Add(new Declaration(member, names, types, isValue));
            if (member is BaseTypeDeclarationSyntax type)
            {
                Collect(member, path + "." + type.Identifier.ValueText, new List<string>(types) { type.Identifier.ValueText }, declarations);
            }
        }
    }

    private static (IReadOnlyList<string> Names, bool IsValue) NamesDeclared(MemberDeclarationSyntax member) => member switch
    {
        BaseTypeDeclarationSyntax type => (new[] { type.Identifier.ValueText }, false),
        DelegateDeclarationSyntax @delegate => (new[] { @delegate.Identifier.ValueText }, false),
        MethodDeclarationSyntax method => (new[] { method.Identifier.ValueText }, false),
        PropertyDeclarationSyntax property => (new[] { property.Identifier.ValueText }, false),
        EventDeclarationSyntax @event => (new[] { @event.Identifier.ValueText }, false),
        BaseFieldDeclarationSyntax field => (field.Declaration.Variables.Select(variable => variable.Identifier.ValueText).ToList(), field.Modifiers.Any(SyntaxKind.ConstKeyword)),
        EnumMemberDeclarationSyntax enumMember => (new[] { enumMember.Identifier.ValueText }, true),
        _ => (System.Array.Empty<string>(), false),   // constructors, operators, indexers, incomplete members: named by their type alone
    };

    /// <summary>Equal where symbols can see; a type by its own header and (an enum) members, its nested declarations compared on their own.</summary>
    private static bool SameAtTopLevel(Declaration before, Declaration after) =>
        before.Syntax is TypeDeclarationSyntax oldType && after.Syntax is TypeDeclarationSyntax newType
            ? SyntaxFactory.AreEquivalent(oldType.WithMembers(default), newType.WithMembers(default), topLevel: true)
            : SyntaxFactory.AreEquivalent(before.Syntax, after.Syntax, topLevel: true);
}
