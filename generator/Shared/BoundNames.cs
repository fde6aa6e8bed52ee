using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RegisterMasks.Shared;

/// <summary>
/// Names a fix writes into user code, each checked to bind to our symbol where it lands: the shortest
/// name Roslyn suggests (<c>ToMinimalDisplayString</c>), when binding it there as an expression gives
/// that symbol, else the <c>global::</c> name. The check is needed: the shortest name is chosen by
/// its last part, so in a namespace that declares a type named like the mask's namespace,
/// <c>Vm.RegMask</c> would bind to that type's member; and a property named like the mask hides it
/// in expressions.
/// </summary>
internal static class BoundNames
{
    /// <summary>A type as an expression names it (<c>RegMask</c> in <c>RegMask.RAX</c>, a static class before its method).</summary>
    public static string Type(INamedTypeSymbol type, SemanticModel model, int position)
    {
        var minimal = type.ToMinimalDisplayString(model, position);
        return BindsTo(model, position, minimal, type) ? minimal : type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }

    /// <summary><c>Type.Member</c> for a static member, or null when code at the position cannot reach it (private, or in a generic type).</summary>
    public static string? Member(ISymbol member, SemanticModel model, int position)
    {
        if (member.ContainingType is not { } container || !model.IsAccessible(position, member))
        {
            return null;
        }
        var name = SymbolNames.Escaped(member.Name);
        var minimal = container.ToMinimalDisplayString(model, position) + "." + name;
        if (BindsTo(model, position, minimal, member))
        {
            return minimal;
        }
        var qualified = container.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + name;
        return BindsTo(model, position, qualified, member) ? qualified : null;
    }

    /// <summary>Whether <paramref name="code"/>, as an expression at <paramref name="position"/>, binds to <paramref name="symbol"/>.</summary>
    public static bool BindsTo(SemanticModel model, int position, string code, ISymbol symbol) =>
        SymbolEqualityComparer.Default.Equals(
            model.GetSpeculativeSymbolInfo(position, SyntaxFactory.ParseExpression(code), SpeculativeBindingOption.BindAsExpression).Symbol,
            symbol);
}
