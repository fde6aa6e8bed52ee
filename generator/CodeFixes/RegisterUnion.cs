using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using RegisterMasks.Shared;

namespace RegisterMasks.CodeFixes;

/// <summary>
/// A value written as a union of registers of one register file or register class, the ways hand-written
/// masks are: the mask's members (<c>VcpuRegMask.RAX | ...</c>), shifts (<c>1UL &lt;&lt; (int)VcpuReg.RAX</c>),
/// <c>VcpuReg.RAX.ToMask()</c> (a class's <c>X86Register.Xmm0.ToX86VecMask()</c>), and calls of a one-line
/// helper in KVM's style, <c>static ulong BIT(int nr) =&gt; 1UL &lt;&lt; nr;</c> called as <c>BIT((int)VcpuReg.RAX)</c>
/// (or over the register enum, <c>1UL &lt;&lt; (int)r</c> or <c>(ulong)r.ToMask()</c>).
/// Every register must be an enum member, so the union is a set the generator can declare. Its mask is the
/// enum's register file's, else the one register class holding every register (by member: <c>Xmm6</c> is the
/// vector class's although its value is <c>Rsi</c>'s) whose bit for each shift is the shift's amount
/// (<see cref="RegisterClassMasks.Choose"/>): a class that numbers them otherwise would change the value.
/// </summary>
internal sealed class RegisterUnion
{
    private RegisterUnion(List<IFieldSymbol> registers, ITypeSymbol registerEnum, ChosenMask mask)
    {
        Registers = registers;
        RegisterEnum = registerEnum;
        Mask = mask.Mask;
        IsClass = mask.IsClass;
        Inferred = mask.Inferred;
    }

    /// <summary>The registers, in the order written (a register written twice, once).</summary>
    public IReadOnlyList<IFieldSymbol> Registers { get; }

    public ITypeSymbol RegisterEnum { get; }

    public INamedTypeSymbol Mask { get; }

    /// <summary>The mask is a register class's.</summary>
    public bool IsClass { get; }

    /// <summary>A set of these registers belongs to <see cref="Mask"/> without naming its holder (see <see cref="ChosenMask.Inferred"/>).</summary>
    public bool Inferred { get; }

    public static RegisterUnion? Read(IOperation value, CancellationToken cancellationToken)
    {
        var reader = new Reader(cancellationToken);
        if (!reader.Read(value, 64) || reader.RegisterEnum is null)
        {
            return null;
        }
        var written = reader.Found.Select(found => new WrittenRegister(found.Register, found.Through)).ToList();
        var chosen = GeneratedMasks.MaskOf(reader.RegisterEnum) is { } file && reader.Found.All(found => found.Through is null || SymbolEqualityComparer.Default.Equals(found.Through, file))
            ? new ChosenMask(file, isClass: false, inferred: true)   // a register file's union, read as before classes (no class is looked for)
            : RegisterClassMasks.Read(value.SemanticModel!.Compilation, cancellationToken).Choose(reader.RegisterEnum, written);
        if (chosen is not { } choice)
        {
            return null;
        }
        var mask = choice.Mask;
        // Every bit must survive the narrowest type it passed through (1u << 40 is not bit 40); a class's bit is
        // its member's in the class, which for a shift Choose has checked is the shift's amount.
        foreach (var (register, width, _) in reader.Found)
        {
            var index = choice.IsClass
                ? GeneratedMasks.BitOf(mask, register) ?? -1
                : System.Convert.ToInt64(register.ConstantValue, System.Globalization.CultureInfo.InvariantCulture);
            if (index < 0 || index >= width)
            {
                return null;
            }
        }
        var registers = reader.Found.Select(found => found.Register).Distinct<IFieldSymbol>(SymbolEqualityComparer.Default).ToList();
        // A [NotARegister] sentinel has no member in the mask, and no place in a set.
        return registers.All(register => !mask.GetMembers(register.Name).IsEmpty) ? new RegisterUnion(registers, reader.RegisterEnum, choice) : null;
    }

    private sealed class Reader
    {
        private readonly CancellationToken _cancellationToken;

        public Reader(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

        public ITypeSymbol? RegisterEnum { get; private set; }

        /// <summary>
        /// Each register, with the fewest bits of any type its bit was held in on the way, and the mask it was read
        /// through (a mask's member or conversion; null for a shift, whose bit is the register's value).
        /// </summary>
        public List<(IFieldSymbol Register, int Width, INamedTypeSymbol? Through)> Found { get; } = new();

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
                        && Add(member, width, mask);
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
            if (Conversion(method) is { } converted)
            {
                return Add(register, width, converted);
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
            if (operation is IInvocationOperation { Arguments.Length: 1 } toMask && Conversion(toMask.TargetMethod) is { } helperMask
                && toMask.Arguments[0].Value is IParameterReferenceOperation { Parameter: var masked } && SymbolEqualityComparer.Default.Equals(masked, method.Parameters[0]))
            {
                // BIT(r) => (ulong)r.ToMask(), as RM0025 writes it
                return Add(register, System.Math.Min(width, Width(body is CastExpressionSyntax ? model.GetTypeInfo(body, _cancellationToken).Type : toMask.Type)), helperMask);
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

        /// <summary>The mask our conversion gives, when <paramref name="method"/> is one: <c>ToMask</c>, or a register class's <c>To{Mask}</c>.</summary>
        private static INamedTypeSymbol? Conversion(IMethodSymbol method)
        {
            var extension = method.ReducedFrom ?? method;
            return extension.ReturnType is INamedTypeSymbol mask && GeneratedMasks.IsOurExtension(extension) && extension.Parameters.Length == 1
                && GeneratedMasks.IsEnumMask(mask, out _) && method.Name == GeneratedMasks.ConversionName(mask)
                ? mask
                : null;
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

        private bool Add(IFieldSymbol register, int width, INamedTypeSymbol? through = null)
        {
            if (RegisterEnum is not null && !SymbolEqualityComparer.Default.Equals(RegisterEnum, register.ContainingType))
            {
                return false;
            }
            RegisterEnum = register.ContainingType;
            Found.Add((register, width, through));
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
