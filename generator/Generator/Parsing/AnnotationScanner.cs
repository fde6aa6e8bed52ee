using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Model;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Parsing;

/// <summary>
/// Finds every declaration bearing one of our attributes and hands it to its parser, as
/// <c>ForAttributeWithMetadataName</c> would: attribute names are filtered from syntax first (with
/// using aliases followed), and only those declarations are bound. It runs only when the
/// compilation's declarations changed (see <see cref="Incremental.DeclarationSnapshot"/>).
/// </summary>
internal static class AnnotationScanner
{
    private static readonly string[] OurAttributes =
    {
        KnownNames.RegisterFile, KnownNames.RegisterSet, KnownNames.RegisterSetsDisjoint,
        KnownNames.RegisterSetSubset, KnownNames.RegisterSetsPartition, KnownNames.RegisterCache, KnownNames.RegisterClass,
    };

    /// <summary>Every annotation of the compilation.</summary>
    public static AnnotationModels Scan(Compilation compilation, CancellationToken cancellationToken) =>
        Scan(compilation, CandidateNames(compilation, cancellationToken), cancellationToken);

    /// <summary>The same, with the candidate names (<see cref="CandidateNames"/>) of this compilation already found.</summary>
    public static AnnotationModels Scan(Compilation compilation, HashSet<string> names, CancellationToken cancellationToken) =>
        AnnotationModels.Combine(compilation.SyntaxTrees.Select(tree => ScanTree(compilation, tree, names, cancellationToken, out _)));

    /// <summary>The annotations of some trees of the compilation, each tree's alone.</summary>
    public static List<AnnotationModels> ScanTrees(Compilation compilation, IEnumerable<SyntaxTree> trees, CancellationToken cancellationToken)
    {
        var names = CandidateNames(compilation, cancellationToken);
        return trees.Select(tree => ScanTree(compilation, tree, names, cancellationToken, out _)).ToList();
    }

    /// <summary>
    /// The same, with the candidate names (<see cref="CandidateNames"/>) of this compilation already found;
    /// and, per tree, whether it has an attribute named like ours (<see cref="HasCandidates"/>), noted on
    /// the way rather than found by another walk of every tree.
    /// </summary>
    public static List<AnnotationModels> ScanTrees(Compilation compilation, IReadOnlyList<SyntaxTree> trees, HashSet<string> names, List<bool> hasCandidates, CancellationToken cancellationToken)
    {
        var models = new List<AnnotationModels>(trees.Count);
        foreach (var tree in trees)
        {
            models.Add(ScanTree(compilation, tree, names, cancellationToken, out var candidates));
            hasCandidates.Add(candidates);
        }
        return models;
    }

    private static AnnotationModels ScanTree(Compilation compilation, SyntaxTree tree, HashSet<string> names, CancellationToken cancellationToken, out bool hasCandidates)
    {
        hasCandidates = false;
        if (GeneratedCode.IsOurs(tree))
        {
            return AnnotationModels.None; // the analyzer's compilation holds our output, which declares nothing to read
        }
        var registerFiles = new List<RegisterFileModel>();
        var containers = new List<SetContainerModel>();
        var invariants = new List<SetInvariantsModel>();
        var caches = new List<RegisterCacheModel>();

        SemanticModel? semanticModel = null;
        foreach (var node in AttributedTypeDeclarations(tree.GetRoot(cancellationToken)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!NamesACandidate(node, names))
            {
                continue;
            }
            hasCandidates = true;
            semanticModel ??= compilation.GetSemanticModel(tree);
            if (semanticModel.GetDeclaredSymbol(node, cancellationToken) is not INamedTypeSymbol symbol)
            {
                continue;
            }
            var ours = OursWrittenOn(node, symbol, cancellationToken);
            if (ours.Count == 0)
            {
                continue;
            }

            // The same split as the attributes' targets: [RegisterFile] on enums, the rest on classes,
            // structs, records and interfaces. Misplaced ones are the compiler's to report (CS0592).
            if (node is EnumDeclarationSyntax)
            {
                if (Of(ours, KnownNames.RegisterFile) is { IsEmpty: false } fileAttributes
                    && RegisterFileParser.Parse(new AnnotatedDeclaration(node, symbol, fileAttributes), cancellationToken) is { } file)
                {
                    registerFiles.Add(file);
                }
                continue;
            }
            var sets = Of(ours, KnownNames.RegisterSet);
            if (!sets.IsEmpty && RegisterSetParser.Parse(new AnnotatedDeclaration(node, symbol, sets), cancellationToken) is { } container)
            {
                containers.Add(container);
            }
            if (Of(ours, KnownNames.RegisterClass) is { IsEmpty: false } classAttributes)
            {
                registerFiles.AddRange(RegisterClassParser.Parse(new AnnotatedDeclaration(node, symbol, classAttributes), !sets.IsEmpty, cancellationToken));
            }
            if (Of(ours, KnownNames.RegisterSetsDisjoint, KnownNames.RegisterSetSubset, KnownNames.RegisterSetsPartition) is { IsEmpty: false } checks)
            {
                invariants.Add(SetInvariantParser.Parse(new AnnotatedDeclaration(node, symbol, checks), cancellationToken));
            }
            if (Of(ours, KnownNames.RegisterCache) is { IsEmpty: false } cacheAttributes
                && RegisterCacheParser.Parse(new AnnotatedDeclaration(node, symbol, cacheAttributes), cancellationToken) is { } cache)
            {
                caches.Add(cache);
            }
        }
        return new AnnotationModels(registerFiles.ToEquatableArray(), containers.ToEquatableArray(), invariants.ToEquatableArray(), caches.ToEquatableArray());
    }

    /// <summary>
    /// The argument lists of attributes on types whose names could be ours: the only text an edit may
    /// change for <see cref="Incremental.AnnotationReading"/> to read that tree alone again.
    /// </summary>
    internal static IEnumerable<AttributeArgumentListSyntax> CandidateArgumentLists(SyntaxNode root, HashSet<string> names)
    {
        foreach (var declaration in AttributedTypeDeclarations(root))
        {
            foreach (var list in declaration.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    if (attribute.ArgumentList is { } arguments && LastIdentifier(attribute.Name) is { } identifier && names.Contains(identifier))
                    {
                        yield return arguments;
                    }
                }
            }
        }
    }

    /// <summary>Whether the tree has an attribute, on a type, whose name could be ours: the trees the scanner binds.</summary>
    internal static bool HasCandidates(SyntaxTree tree, HashSet<string> names, CancellationToken cancellationToken) =>
        s_typeAttributeNames.Of(tree, cancellationToken).Overlaps(names);

    /// <summary>
    /// The last identifiers of the attributes on a tree's type declarations (<see cref="AttributedTypeDeclarations"/>): what
    /// <see cref="HasCandidates"/> asks of the two versions of an edited tree, kept per tree, so that the version
    /// before an edit, read at the last keystroke, is not walked again.
    /// </summary>
    private static readonly Incremental.PerTree<HashSet<string>> s_typeAttributeNames = new(static (tree, cancellationToken) =>
        LastIdentifiers(AttributedTypeDeclarations(tree.GetRoot(cancellationToken)).SelectMany(declaration => declaration.AttributeLists).SelectMany(list => list.Attributes)));

    /// <summary>The last identifiers of these attributes' names (<see cref="LastIdentifier"/>): the names a look by syntax compares with ours.</summary>
    internal static HashSet<string> LastIdentifiers(IEnumerable<AttributeSyntax> attributes)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            if (LastIdentifier(attribute.Name) is { } identifier)
            {
                found.Add(identifier);
            }
        }
        return found;
    }

    /// <summary>
    /// Enum, class, struct, record and interface declarations bearing any attribute, nested ones
    /// included; never inside member bodies. Only these can carry ours.
    /// </summary>
    private static IEnumerable<BaseTypeDeclarationSyntax> AttributedTypeDeclarations(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is BaseTypeDeclarationSyntax { AttributeLists.Count: > 0 } declaration)
            {
                yield return declaration;
            }
        }
    }

    /// <summary>
    /// Our attributes written on this part of the type, with their syntax. The symbol's attributes are
    /// those of every partial part: each part reads only its own, or a set declared on one part
    /// would be read once per part.
    /// </summary>
    private static List<(AttributeData Attribute, AttributeSyntax Syntax)> OursWrittenOn(
        BaseTypeDeclarationSyntax node, INamedTypeSymbol symbol, CancellationToken cancellationToken)
    {
        var written = new List<(AttributeData, AttributeSyntax)>();
        foreach (var attribute in symbol.GetAttributes())
        {
            if (Array.Exists(OurAttributes, name => KnownNames.IsOurs(attribute.AttributeClass, name))
                && attribute.ApplicationSyntaxReference is { } reference
                && reference.SyntaxTree == node.SyntaxTree
                && node.Span.Contains(reference.Span)
                && reference.GetSyntax(cancellationToken) is AttributeSyntax { Parent.Parent: var owner } syntax
                && owner == node)
            {
                written.Add((attribute, syntax));
            }
        }
        return written;
    }

    /// <summary>Those of the given kinds, in the order written.</summary>
    private static ImmutableArray<(AttributeData Attribute, AttributeSyntax Syntax)> Of(
        List<(AttributeData Attribute, AttributeSyntax Syntax)> ours, params string[] kinds) =>
        ours.Where(pair => Array.Exists(kinds, kind => KnownNames.IsOurs(pair.Attribute.AttributeClass, kind))).ToImmutableArray();

    /// <summary>Whether an attribute on the declaration could be ours, judged by the last identifier of its name.</summary>
    private static bool NamesACandidate(BaseTypeDeclarationSyntax node, HashSet<string> names)
    {
        foreach (var list in node.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (LastIdentifier(attribute.Name) is { } identifier && names.Contains(identifier))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// Our attribute names, with and without the <c>Attribute</c> suffix, and every using alias
    /// (global or local, in any tree) that names one of them, followed through aliases of aliases.
    /// Too many names only binds a declaration for nothing; too few would miss one.
    /// </summary>
    internal static HashSet<string> CandidateNames(Compilation compilation, CancellationToken cancellationToken) =>
        CandidateNames(compilation, OurAttributes, cancellationToken);

    /// <summary>The same for other attributes of ours (<c>[CoversRegisterSet]</c>, on members, which the scanner does not read).</summary>
    internal static HashSet<string> CandidateNames(Compilation compilation, IEnumerable<string> attributes, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            names.Add(attribute);
            names.Add(WithoutSuffix(attribute));
        }

        var aliases = new List<KeyValuePair<string, string>>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            // Most trees have no alias: skipping their empty lists saves List.AddRange's type tests, once per tree per keystroke.
            if (s_aliases.Of(tree, cancellationToken) is { Count: > 0 } found)
            {
                aliases.AddRange(found);
            }
        }
        for (var added = true; added;)
        {
            added = false;
            foreach (var alias in aliases)
            {
                if (names.Contains(alias.Value))
                {
                    // [X] finds an alias named X or XAttribute, as it finds a class.
                    var aliasName = alias.Key;
                    added |= names.Add(aliasName);
                    if (aliasName.EndsWith(AttributeSuffix, StringComparison.Ordinal))
                    {
                        added |= names.Add(WithoutSuffix(aliasName));
                    }
                }
            }
        }
        return names;
    }

    /// <summary>A tree's using aliases (global or local, outside bodies), as the alias's name and the last identifier of what it names.</summary>
    private static readonly Incremental.PerTree<List<KeyValuePair<string, string>>> s_aliases = new(static (tree, cancellationToken) =>
    {
        var found = new List<KeyValuePair<string, string>>();
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
        {
            if (node is UsingDirectiveSyntax { Alias: not null, Name: not null } alias && LastIdentifier(alias.Name) is { } target)
            {
                found.Add(new KeyValuePair<string, string>(alias.Alias.Name.Identifier.ValueText, target));
            }
        }
        return found;
    });

    private const string AttributeSuffix = "Attribute";

    private static string WithoutSuffix(string name) => name.Substring(0, name.Length - AttributeSuffix.Length);

    internal static string? LastIdentifier(NameSyntax name) => name switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        _ => null,
    };
}
