using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace RegisterMasks.Shared;

/// <summary>One bit of a hand-written union: <c>1 &lt;&lt; (int)register</c>, its register, and its index when the register is a constant.</summary>
internal readonly struct HandWrittenBit
{
    public HandWrittenBit(IOperation register, IFieldSymbol? member, ITypeSymbol? shiftedType, SyntaxNode syntax)
    {
        Syntax = syntax;
        Register = register;
        Member = member;
        ShiftedType = shiftedType;
    }

    /// <summary>The shift as written, <c>1u &lt;&lt; (int)reg</c>: what a fix replaces, keeping the union's layout around it.</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>The type the <c>1</c> is shifted in: <c>uint</c> for <c>1u &lt;&lt; r</c>.</summary>
    public ITypeSymbol? ShiftedType { get; }

    /// <summary>What the shift's <c>(int)</c> cast converts: the register, as written.</summary>
    public IOperation Register { get; }

    /// <summary>The enum member, when the register is one (then the mask has a member of that name, and the bit is a constant).</summary>
    public IFieldSymbol? Member { get; }

    public long? Index => Member is { HasConstantValue: true, ConstantValue: { } value } ? System.Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
}

/// <summary>
/// Registers' bits written by hand, the way C code writes <c>BIT(reg)</c>: <c>1u &lt;&lt; (int)reg</c>,
/// <c>1UL &lt;&lt; (int)reg</c>, and unions of them with <c>|</c>, every register of one register enum.
/// </summary>
internal static class HandWrittenBits
{
    /// <summary>
    /// The bits of the union <paramref name="operation"/> is, in the order written, and their register
    /// enum; false when any part of it is not a register's bit, or two parts are of different enums.
    /// </summary>
    public static bool TryRead(IOperation operation, List<HandWrittenBit> bits, out ITypeSymbol? registerEnum)
    {
        registerEnum = null;
        return Read(Unwrap(operation), bits, ref registerEnum);
    }

    private static bool Read(IOperation operation, List<HandWrittenBit> bits, ref ITypeSymbol? registerEnum)
    {
        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } union)
        {
            return Read(Unwrap(union.LeftOperand), bits, ref registerEnum) && Read(Unwrap(union.RightOperand), bits, ref registerEnum);
        }
        if (operation is not IBinaryOperation { OperatorKind: BinaryOperatorKind.LeftShift } shift
            || Unwrap(shift.LeftOperand).ConstantValue is not { HasValue: true, Value: { } one } || !IsOne(one)
            || Unwrap(shift.RightOperand) is not IConversionOperation { IsImplicit: false, Operand: { Type.TypeKind: TypeKind.Enum } register }
            || (registerEnum is not null && !SymbolEqualityComparer.Default.Equals(registerEnum, register.Type)))
        {
            return false;
        }
        registerEnum = register.Type;
        var member = register is IFieldReferenceOperation { Field: { ContainingType: var owner } field } && SymbolEqualityComparer.Default.Equals(owner, register.Type) ? field : null;
        bits.Add(new HandWrittenBit(register, member, shift.Type, shift.Syntax));
        return true;
    }

    private static bool IsOne(object value) => value switch
    {
        int i => i == 1,
        uint u => u == 1u,
        long l => l == 1L,
        ulong ul => ul == 1UL,
        _ => false,
    };

    /// <summary>Parentheses and implicit conversions (<c>1u &lt;&lt; a | 1UL &lt;&lt; b</c> widens the left) say nothing about the bits.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IParenthesizedOperation or IConversionOperation { IsImplicit: true })
        {
            operation = operation is IParenthesizedOperation parenthesized ? parenthesized.Operand : ((IConversionOperation)operation).Operand;
        }
        return operation;
    }

    /// <summary>The operation around <paramref name="operation"/>, past parentheses and implicit conversions.</summary>
    public static IOperation? Outer(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IParenthesizedOperation or IConversionOperation { IsImplicit: true })
        {
            parent = parent.Parent;
        }
        return parent;
    }

    /// <summary>
    /// Whether writing the union with the mask gives the value the shifts give: every constant register's
    /// bit is inside the shifted type (<c>1u &lt;&lt; 40</c> is <c>1u &lt;&lt; 8</c>, a different bug) and, for a
    /// signed type, below its sign bit (a constant conversion to <c>int</c> of bit 31 does not compile).
    /// </summary>
    public static bool KeepsValue(IReadOnlyList<HandWrittenBit> bits)
    {
        foreach (var bit in bits)
        {
            var width = bit.ShiftedType?.SpecialType switch
            {
                SpecialType.System_Int32 => 31,
                SpecialType.System_UInt32 => 32,
                SpecialType.System_Int64 => 63,
                SpecialType.System_UInt64 => 64,
                _ => 0,
            };
            if (width == 0 || bit.Index is { } index && (index < 0 || index >= width))
            {
                return false;
            }
        }
        return true;
    }
}
