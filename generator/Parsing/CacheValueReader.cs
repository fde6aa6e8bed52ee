using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using RegisterMasks.Generator.Model;

namespace RegisterMasks.Generator.Parsing;

/// <summary>
/// Reads a cache's <c>ValueType</c>: whether an array of it can hold the registers' values (RM0019),
/// and whether the user implemented the <c>LoadRegister</c> that fills a slot on a miss (RM0018).
/// </summary>
internal static class CacheValueReader
{
    private const string LoadRegister = nameof(LoadRegister);

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
        if (file is not null && !ImplementsLoadRegister(cache, file, valueType))
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
    /// Whether the user's code has a body for <c>LoadRegister(TEnum, ref TValue)</c>. The generator's
    /// compilation has only that body; the analyzer's has our declaration too, with the body as its
    /// implementation part: either way, a method of that shape declared outside our output.
    /// </summary>
    private static bool ImplementsLoadRegister(INamedTypeSymbol cache, INamedTypeSymbol file, ITypeSymbol valueType) =>
        cache.GetMembers(LoadRegister).OfType<IMethodSymbol>()
            .Select(method => method.PartialImplementationPart ?? method)
            .Any(method => method.Parameters.Length == 2
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, file)
                && method.Parameters[1].RefKind == RefKind.Ref
                && SymbolEqualityComparer.Default.Equals(method.Parameters[1].Type, valueType)
                && !method.IsPartialDefinition
                && GeneratedCode.UserDeclared(new[] { method }).Any());

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
