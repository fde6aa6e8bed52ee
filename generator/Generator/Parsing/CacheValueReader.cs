using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Model;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Parsing;

/// <summary>
/// Reads a cache's <c>ValueType</c>: whether an array of it can hold the registers' values (RM0019),
/// and whether the user implemented the <c>LoadRegister</c> that fills a slot on a miss (RM0018).
/// </summary>
internal static class CacheValueReader
{
    private const string LoadRegister = nameof(LoadRegister);
    private const string StoreRegister = nameof(StoreRegister);

    /// <returns>The values to generate; null without <c>ValueType</c>, or when it cannot be used (then <paramref name="hasErrors"/>).</returns>
    public static CacheValues? Read(
        INamedTypeSymbol cache, INamedTypeSymbol? file, AttributeData attribute, AttributeSyntaxReader syntax, List<DiagnosticInfo> diagnostics, ref bool hasErrors)
    {
        var argument = attribute.NamedArguments.FirstOrDefault(named => named.Key == "ValueType");
        if (argument.Key is null || argument.Value.Value is not ITypeSymbol valueType)
        {
            return null;   // absent, or ValueType = null: a cache of masks only
        }
        var at = LocationInfo.From((SyntaxNode?)syntax.Named("ValueType") ?? syntax.Syntax);
        if (valueType.TypeKind == TypeKind.Error)
        {
            hasErrors = true;   // the compiler reports the type it cannot find, at the same spot
            return null;
        }
        if (WhyUnusable(valueType) is { } reason)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CacheValueTypeUnusable, at, cache.Name, valueType.ToDisplayString(), reason));
            hasErrors = true;
            return null;
        }
        if (cache.TypeKind == TypeKind.Struct)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CacheValuesInStruct, at, cache.Name));
            hasErrors = true;
            return null;
        }
        if (file is not null && UserConflict(cache, file, valueType) is { } definition)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CachePartialMethodDeclared, LocationInfo.From(definition.Locations[0]), cache.Name, definition.Name));
            hasErrors = true;
            return null;
        }
        var loads = file is null ? 1 : Implementations(cache, LoadRegister, file, valueType);
        if (file is not null && (loads > 1 || Implementations(cache, StoreRegister, file, valueType) > 1))
        {
            hasErrors = true;   // written twice: the compiler reports it at the user's second one; a call of ours would be ambiguous
            return null;
        }
        if (file is not null && loads == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.CacheLoadRegisterMissing, at, cache.Name, valueType.ToDisplayString(), file.ToDisplayString()));
        }
        return new CacheValues(SymbolNames.FullyQualified(valueType), AccessibilityOf(valueType));
    }

    private static string? WhyUnusable(ITypeSymbol type) => type switch
    {
        { SpecialType: SpecialType.System_Void } => "void",
        IPointerTypeSymbol or IFunctionPointerTypeSymbol => "a pointer type",
        { IsRefLikeType: true } => "a ref struct, which no array can hold",
        { IsStatic: true } => "a static class",
        INamedTypeSymbol { IsUnboundGenericType: true } => "an unbound generic type",
        _ => null,
    };

    /// <summary>
    /// How many bodies the user's code has for <c>LoadRegister(TEnum, ref TValue)</c> (or
    /// <c>StoreRegister(TEnum, TValue)</c>). The generator's compilation has only the bodies; the
    /// analyzer's has our declaration too, with a body as its implementation part: either way,
    /// methods of that shape declared outside our output.
    /// </summary>
    private static int Implementations(INamedTypeSymbol cache, string name, INamedTypeSymbol file, ITypeSymbol valueType) =>
        cache.GetMembers(name).OfType<IMethodSymbol>()
            .Select(method => method.PartialImplementationPart ?? method)
            .Count(method => HasOurParameters(method, file, valueType)
                && !method.IsPartialDefinition
                && GeneratedCode.UserDeclared(new[] { method }).Any());

    /// <summary>
    /// A <c>LoadRegister</c> or <c>StoreRegister</c> of the user's with our parameters that is not the
    /// body of ours: written without a body (a second declaring part), or not as <c>partial void</c>
    /// (a method of its own). Beside it, our declaration would be a second member of that signature.
    /// </summary>
    private static IMethodSymbol? UserConflict(INamedTypeSymbol cache, INamedTypeSymbol file, ITypeSymbol valueType) =>
        cache.GetMembers(LoadRegister).Concat(cache.GetMembers(StoreRegister)).OfType<IMethodSymbol>()
            .Where(method => HasOurParameters(method, file, valueType))
            .Where(method => method.DeclaringSyntaxReferences.Any(reference => !GeneratedCode.IsOurs(reference.SyntaxTree)
                && reference.GetSyntax() is MethodDeclarationSyntax declaration && !IsOurBody(declaration)))
            .OrderBy(method => method.Locations[0].SourceSpan.Start)
            .FirstOrDefault();

    private static bool IsOurBody(MethodDeclarationSyntax declaration) =>
        declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
        && declaration.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }
        && (declaration.Body is not null || declaration.ExpressionBody is not null);

    private static bool HasOurParameters(IMethodSymbol method, INamedTypeSymbol file, ITypeSymbol valueType) =>
        method.Parameters.Length == 2
        && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, file)
        && method.Parameters[1].RefKind == (method.Name == LoadRegister ? RefKind.Ref : RefKind.None)
        && SymbolEqualityComparer.Default.Equals(method.Parameters[1].Type, valueType);

    /// <summary>Value members are as visible as the mask's members, but never more than the value type: else CS0050.</summary>
    private static string AccessibilityOf(ITypeSymbol type)
    {
        var least = Accessibility.Public;
        foreach (var part in Parts(type))
        {
            for (ISymbol? current = part; current is INamedTypeSymbol named; current = named.ContainingType)
            {
                if (named.DeclaredAccessibility < least && named.DeclaredAccessibility != Accessibility.NotApplicable)
                {
                    least = named.DeclaredAccessibility;
                }
            }
        }
        return least switch
        {
            Accessibility.Public => "public",
            Accessibility.Internal or Accessibility.ProtectedOrInternal => "internal",
            _ => "private",
        };
    }

    /// <summary>The named types a type is made of: itself, array elements, type arguments (and tuple elements, which are those).</summary>
    private static IEnumerable<INamedTypeSymbol> Parts(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return Parts(array.ElementType);
            case INamedTypeSymbol named:
                return new[] { named }.Concat(named.TypeArguments.SelectMany(Parts));
            default:
                return Enumerable.Empty<INamedTypeSymbol>();
        }
    }
}
