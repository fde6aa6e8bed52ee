using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Parsing;

namespace RegisterMasks.Generator.Usage;

/// <summary>
/// How code at one position writes a register's bit with the generated mask: the mask's member
/// (<c>VcpuRegMask.VCPU_REGS_RAX</c>, a constant) for a register written as its enum member, else
/// <c>reg.ToMask()</c>, or <c>VcpuRegMaskExtensions.ToMask(reg)</c> where the extension is not in scope.
/// Names are the shortest that bind there.
/// </summary>
internal sealed class MaskExpressions
{
    private readonly string _mask;
    private readonly string _extensions;
    private readonly bool _extensionInScope;

    public MaskExpressions(INamedTypeSymbol mask, ITypeSymbol registerEnum, SemanticModel model, int position)
    {
        _mask = mask.ToMinimalDisplayString(model, position);
        _extensions = GeneratedMasks.ExtensionsOf(mask)?.ToMinimalDisplayString(model, position) ?? _mask + "Extensions";
        _extensionInScope = GeneratedMasks.ToMaskInScope(model, position, registerEnum);
    }

    public string Bit(HandWrittenBit bit)
    {
        if (bit.Member is { } member)
        {
            return _mask + "." + SymbolNames.Escaped(member.Name);
        }
        var register = bit.Register.Syntax is ExpressionSyntax expression ? expression.WithoutTrivia() : null;
        var text = register?.ToString() ?? bit.Register.Syntax.ToString();
        return _extensionInScope
            ? (register is null || IsPrimary(register) ? text : "(" + text + ")") + ".ToMask()"
            : _extensions + ".ToMask(" + text + ")";
    }

    /// <summary>An expression that takes <c>.ToMask()</c> without parentheses.</summary>
    private static bool IsPrimary(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            or ParenthesizedExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax;
}
