using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Model;

namespace RegisterMasks.Generator.Parsing;

/// <summary>
/// Finds every declaration bearing one of our attributes and hands it to its parser, as
/// <c>ForAttributeWithMetadataName</c> would: attribute names are filtered from syntax first (with
/// using aliases followed), and only those declarations are bound. It runs only when the
/// compilation's declarations changed (see <see cref="Pipeline.DeclarationSnapshot"/>).
/// </summary>
internal static class AnnotationScanner
{
    private static readonly string[] OurAttributes =
    {
        KnownNames.RegisterFile, KnownNames.RegisterSet, KnownNames.RegisterSetsDisjoint,
        KnownNames.RegisterSetSubset, KnownNames.RegisterCache,
    };

    public static AnnotationModels Scan(Compilation compilation, CancellationToken cancellationToken)
    {
        var names = CandidateNames(compilation, cancellationToken);
        var files = new List<RegisterFileModel>();
        var containers = new List<SetContainerModel>();
        var invariants = new List<SetInvariantsModel>();
        var caches = new List<RegisterCacheModel>();

        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? semanticModel = null;
            foreach (var node in TypeDeclarations(tree.GetRoot(cancellationToken)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!NamesACandidate(node, names))
                {
                    continue;
                }
                semanticModel ??= compilation.GetSemanticModel(tree);
                if (semanticModel.GetDeclaredSymbol(node, cancellationToken) is not INamedTypeSymbol symbol)
                {
                    continue;
                }

                // The same split as the attributes' targets: [RegisterFile] on enums, the rest on classes,
                // structs, records and interfaces. Misplaced ones are the compiler's to report (CS0592).
                if (node is EnumDeclarationSyntax)
                {
                    if (WrittenOn(node, symbol, KnownNames.RegisterFile, null, cancellationToken) is { IsEmpty: false } fileAttributes
                        && RegisterFileParser.Parse(new AnnotatedDeclaration(node, symbol, fileAttributes), cancellationToken) is { } file)
                    {
                        files.Add(file);
                    }
                    continue;
                }
                if (WrittenOn(node, symbol, KnownNames.RegisterSet, null, cancellationToken) is { IsEmpty: false } setAttributes
                    && RegisterSetParser.Parse(new AnnotatedDeclaration(node, symbol, setAttributes), cancellationToken) is { } container)
                {
                    containers.Add(container);
                }
                if (WrittenOn(node, symbol, KnownNames.RegisterSetsDisjoint, KnownNames.RegisterSetSubset, cancellationToken) is { IsEmpty: false } checks)
                {
                    invariants.Add(SetInvariantParser.Parse(new AnnotatedDeclaration(node, symbol, checks), cancellationToken));
                }
                if (WrittenOn(node, symbol, KnownNames.RegisterCache, null, cancellationToken) is { IsEmpty: false } cacheAttributes
                    && RegisterCacheParser.Parse(new AnnotatedDeclaration(node, symbol, cacheAttributes), cancellationToken) is { } cache)
                {
                    caches.Add(cache);
                }
            }
        }

        return new AnnotationModels(files.ToEquatableArray(), containers.ToEquatableArray(), invariants.ToEquatableArray(), caches.ToEquatableArray());
    }

    /// <summary>Enum, class, struct, record and interface declarations, nested ones included; never inside member bodies.</summary>
    private static IEnumerable<BaseTypeDeclarationSyntax> TypeDeclarations(SyntaxNode root)
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
    /// The attributes of the given kinds written on this part of the type. The symbol's attributes are
    /// those of every partial part: each part reads only its own, or a set declared on one part
    /// would be read once per part.
    /// </summary>
    private static ImmutableArray<(AttributeData Attribute, AttributeSyntax Syntax)> WrittenOn(
        BaseTypeDeclarationSyntax node, INamedTypeSymbol symbol, string kind, string? otherKind, CancellationToken cancellationToken)
    {
        var written = ImmutableArray.CreateBuilder<(AttributeData, AttributeSyntax)>();
        foreach (var attribute in symbol.GetAttributes())
        {
            if ((KnownNames.IsOurs(attribute.AttributeClass, kind) || (otherKind is not null && KnownNames.IsOurs(attribute.AttributeClass, otherKind)))
                && attribute.ApplicationSyntaxReference is { } reference
                && reference.SyntaxTree == node.SyntaxTree
                && node.Span.Contains(reference.Span)
                && reference.GetSyntax(cancellationToken) is AttributeSyntax { Parent.Parent: var owner } syntax
                && owner == node)
            {
                written.Add((attribute, syntax));
            }
        }
        return written.ToImmutable();
    }

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
    /// (global or local, in any file) that names one of them, followed through aliases of aliases.
    /// Too many names only binds a declaration for nothing; too few would miss one.
    /// </summary>
    private static HashSet<string> CandidateNames(Compilation compilation, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in OurAttributes)
        {
            names.Add(attribute);
            names.Add(attribute.Substring(0, attribute.Length - "Attribute".Length));
        }

        var aliases = new List<UsingDirectiveSyntax>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
            {
                if (node is UsingDirectiveSyntax { Alias: not null, Name: not null } alias)
                {
                    aliases.Add(alias);
                }
            }
        }
        for (var added = true; added;)
        {
            added = false;
            foreach (var alias in aliases)
            {
                if (LastIdentifier(alias.Name!) is { } target && names.Contains(target))
                {
                    // [X] finds an alias named X or XAttribute, as it finds a class.
                    var aliasName = alias.Alias!.Name.Identifier.ValueText;
                    added |= names.Add(aliasName);
                    if (aliasName.EndsWith("Attribute", StringComparison.Ordinal))
                    {
                        added |= names.Add(aliasName.Substring(0, aliasName.Length - "Attribute".Length));
                    }
                }
            }
        }
        return names;
    }

    private static string? LastIdentifier(NameSyntax name) => name switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        _ => null,
    };
}
