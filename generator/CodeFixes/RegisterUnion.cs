using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using RegisterMasks.Shared;

namespace RegisterMasks.CodeFixes;

/// <summary>
/// A value written as a union of registers of one register file, the ways hand-written masks are:
/// the mask's members (<c>VcpuRegMask.RAX | ...</c>), shifts (<c>1UL &lt;&lt; (int)VcpuReg.RAX</c>),
/// <c>VcpuReg.RAX.ToMask()</c>, and calls of a one-line helper in KVM's style,
/// <c>static ulong BIT(int nr) =&gt; 1UL &lt;&lt; nr;</c> called as <c>BIT((int)VcpuReg.RAX)</c> (or over the
/// register enum, <c>1UL &lt;&lt; (int)r</c> or <c>(ulong)r.ToMask()</c>).
/// Every register must be an enum member, so the union is a set the generator can declare.
/// </summary>
internal sealed class RegisterUnion
{
    private RegisterUnion(List<IFieldSymbol> registers, ITypeSymbol registerEnum, INamedTypeSymbol mask)
    {
        Registers = registers;
        RegisterEnum = registerEnum;
        Mask = mask;
    }

    /// <summary>The registers, in the order written (a register written twice, once).</summary>
    public IReadOnlyList<IFieldSymbol> Registers { get; }

    public ITypeSymbol RegisterEnum { get; }

    public INamedTypeSymbol Mask { get; }

    public static RegisterUnion? Read(IOperation value, CancellationToken cancellationToken)
    {
        var reader = new Reader(cancellationToken);
        if (!reader.Read(value, 64) || reader.RegisterEnum is null || GeneratedMasks.MaskOf(reader.RegisterEnum) is not { } mask)
        {
            return null;
        }
        // Every bit must survive the narrowest type it passed through (1u << 40 is not bit 40).
        foreach (var (register, width) in reader.Found)
        {
            var index = System.Convert.ToInt64(register.ConstantValue, System.Globalization.CultureInfo.InvariantCulture);
            if (index < 0 || index >= width)
            {
                return null;
            }
        }
        var registers = reader.Found.Select(found => found.Register).Distinct<IFieldSymbol>(SymbolEqualityComparer.Default).ToList();
        // A [NotARegister] sentinel has no member in the mask, and no place in a set.
        return registers.All(register => !mask.GetMembers(register.Name).IsEmpty) ? new RegisterUnion(registers, reader.RegisterEnum, mask) : null;
    }

    private sealed class Reader
    {
        private readonly CancellationToken _cancellationToken;

        public Reader(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

        public ITypeSymbol? RegisterEnum { get; private set; }

        /// <summary>Each register, with the fewest bits of any type its bit was held in on the way.</summary>
        public List<(IFieldSymbol Register, int Width)> Found { get; } = new();

        public bool Read(IOperation operation, int width)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
            {
                if (operation is IConversionOperation conversion)
                {
                    width = System.Math.Min(width, Width(conversion.Type));
                    operation = conversion.Operand;
                }
                else
                {
                    operation = ((IParenthesizedOperation)operation).Operand;
                }
            }
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } union:
                    return Read(union.LeftOperand, width) && Read(union.RightOperand, width);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.LeftShift } shift:
                    var bits = new List<HandWrittenBit>();
                    return HandWrittenBits.TryRead(shift, bits, out _) && bits[0].Member is { } shifted && Add(shifted, System.Math.Min(width, Width(shift.Type)));
                case IFieldReferenceOperation { Field: var field } when GeneratedMasks.IsEnumMask(field.ContainingType, out var mask):
                    // A mask's member is the register of that name (None and All are no register).
                    return GeneratedMasks.RegisterEnumOf(mask) is { } file && file.GetMembers(field.Name).OfType<IFieldSymbol>().FirstOrDefault() is { } member
                        && Add(member, width);
                case IInvocationOperation invocation:
                    return ReadCall(invocation, width);
                default:
                    return false;
            }
        }

        /// <summary><c>VcpuReg.RAX.ToMask()</c>, or <c>BIT((int)VcpuReg.RAX)</c> where <c>BIT</c>'s whole body is <c>1UL &lt;&lt; nr</c>.</summary>
        private bool ReadCall(IInvocationOperation invocation, int width)
        {
            var method = invocation.TargetMethod;
            if (invocation.Arguments.Length != 1 || Member(invocation.Arguments[0].Value) is not { } register)
            {
                return false;
            }
            if (method.Name == "ToMask" && GeneratedMasks.IsOurExtension(method.ReducedFrom ?? method))
            {
                return Add(register, width);
            }
            if (!method.IsStatic || method.Parameters.Length != 1 || method.DeclaringSyntaxReferences.Length != 1
                || method.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not MethodDeclarationSyntax declaration
                || Body(declaration) is not { } body)
            {
                return false;
            }
            var model = invocation.SemanticModel!.Compilation.GetSemanticModel(declaration.SyntaxTree);
            var operation = model.GetOperation(body, _cancellationToken);
            while (operation is IConversionOperation { IsImplicit: true } or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }
            if (operation is IInvocationOperation { TargetMethod.Name: "ToMask", Arguments.Length: 1 } toMask && GeneratedMasks.IsOurExtension(toMask.TargetMethod)
                && toMask.Arguments[0].Value is IParameterReferenceOperation { Parameter: var masked } && SymbolEqualityComparer.Default.Equals(masked, method.Parameters[0]))
            {
                return Add(register, System.Math.Min(width, Width(body is CastExpressionSyntax ? model.GetTypeInfo(body, _cancellationToken).Type : toMask.Type)));   // BIT(r) => (ulong)r.ToMask(), as RM0025 writes it
            }
            if (operation is not IBinaryOperation { OperatorKind: BinaryOperatorKind.LeftShift } shift
                || HandWrittenBits.Unwrap(shift.LeftOperand).ConstantValue is not { HasValue: true, Value: { } one } || System.Convert.ToInt64(one, System.Globalization.CultureInfo.InvariantCulture) != 1)
            {
                return false;
            }
            var count = shift.RightOperand;
            while (count is IConversionOperation conversion)
            {
                count = conversion.Operand;
            }
            return count is IParameterReferenceOperation { Parameter: var parameter } && SymbolEqualityComparer.Default.Equals(parameter, method.Parameters[0])
                && Add(register, System.Math.Min(width, Width(shift.Type)));
        }

        /// <summary>An enum member, as an argument is written: <c>VcpuReg.RAX</c> or <c>(int)VcpuReg.RAX</c>.</summary>
        private static IFieldSymbol? Member(IOperation argument)
        {
            while (argument is IConversionOperation conversion)
            {
                argument = conversion.Operand;
            }
            return argument is IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum, HasConstantValue: true } field } ? field : null;
        }

        /// <summary>The one expression a method is: <c>=&gt; e</c> or <c>{ return e; }</c>.</summary>
        private static ExpressionSyntax? Body(MethodDeclarationSyntax method) =>
            method.ExpressionBody?.Expression
            ?? (method.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null);

        private bool Add(IFieldSymbol register, int width)
        {
            if (RegisterEnum is not null && !SymbolEqualityComparer.Default.Equals(RegisterEnum, register.ContainingType))
            {
                return false;
            }
            RegisterEnum = register.ContainingType;
            Found.Add((register, width));
            return true;
        }

        /// <summary>The bits a type holds a register's bit in: a signed type's sign bit is not one.</summary>
        private static int Width(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
            {
                type = underlying;
            }
            return type?.SpecialType switch
            {
                SpecialType.System_Byte => 8,
                SpecialType.System_SByte => 7,
                SpecialType.System_UInt16 => 16,
                SpecialType.System_Int16 => 15,
                SpecialType.System_UInt32 => 32,
                SpecialType.System_Int32 => 31,
                SpecialType.System_UInt64 => 64,
                SpecialType.System_Int64 => 63,
                _ => 0,
            };
        }
    }
}
