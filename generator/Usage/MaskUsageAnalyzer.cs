using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RegisterMasks.Generator.Parsing;

namespace RegisterMasks.Generator.Usage;

/// <summary>
/// Code that uses a generated mask the way one uses any enum, where the generated member is the
/// right one: <c>~mask</c> (which sets bits that name no register; RM0021), <c>Enum.HasFlag</c>
/// (RM0022), <c>Enum.ToString()</c> (RM0023), <c>Enum.TryParse</c> (RM0024) and a register's bit
/// written by hand (RM0025). Reported only where a generated mask is involved.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MaskUsageAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.Usage;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(AnalyzeComplement, OperationKind.UnaryOperator);
        context.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(AnalyzeHandWrittenBit, OperationKind.Conversion);
    }

    /// <summary><c>(Mask)(1u &lt;&lt; (int)reg)</c>: the bit of one register, written by hand.</summary>
    private static void AnalyzeHandWrittenBit(OperationAnalysisContext context)
    {
        var conversion = (IConversionOperation)context.Operation;
        if (conversion.IsImplicit || !GeneratedMasks.IsEnumMask(conversion.Type, out var mask)
            || Unwrap(conversion.Operand) is not IBinaryOperation { OperatorKind: BinaryOperatorKind.LeftShift } shift
            || Unwrap(shift.LeftOperand).ConstantValue is not { HasValue: true, Value: { } one } || System.Convert.ToUInt64(one, System.Globalization.CultureInfo.InvariantCulture) != 1UL
            || Unwrap(shift.RightOperand) is not IConversionOperation { Operand.Type: { } registerType }
            || !SymbolEqualityComparer.Default.Equals(registerType, GeneratedMasks.RegisterEnumOf(mask)))
        {
            return;
        }
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HandWrittenBit, conversion.Syntax.GetLocation(), Where(mask), conversion.Syntax.ToString(), mask.Name));
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IParenthesizedOperation parenthesized)
        {
            operation = parenthesized.Operand;
        }
        return operation;
    }

    private static void AnalyzeComplement(OperationAnalysisContext context)
    {
        var operation = (IUnaryOperation)context.Operation;
        if (operation.OperatorKind != UnaryOperatorKind.BitwiseNegation || !GeneratedMasks.IsEnumMask(operation.Type, out var mask)
            || !GeneratedMasks.HasBitsOutsideAll(mask) || IsMaskedAtOnce(operation))
        {
            return;
        }
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ComplementOutsideAll, operation.Syntax.GetLocation(), Where(mask), operation.Syntax.ToString(), mask.Name));
    }

    /// <summary><c>x &amp; ~y</c>, <c>(~y).Truncate()</c>: the unknown bits go at once (or, <c>(~y).HasUnknownBits()</c>, are asked about).</summary>
    private static bool IsMaskedAtOnce(IOperation complement)
    {
        var parent = complement.Parent;
        while (parent is IParenthesizedOperation or IConversionOperation { IsImplicit: true })
        {
            parent = parent.Parent;
        }
        return parent switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.And } and => GeneratedMasks.IsEnumMask(and.LeftOperand.Type, out _) && GeneratedMasks.IsEnumMask(and.RightOperand.Type, out _),
            IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Truncate" or "HasUnknownBits" } invocation } => GeneratedMasks.IsOurExtension(invocation.TargetMethod),
            ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.And } => true,
            _ => false,
        };
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method is { Name: "TryParse", IsStatic: true, TypeArguments.Length: 1, Parameters.Length: 2 }
            && method.ContainingType.SpecialType == SpecialType.System_Enum
            && GeneratedMasks.IsEnumMask(method.TypeArguments[0], out var parsed)
            && (method.Parameters[0].Type.SpecialType == SpecialType.System_String || GeneratedMasks.HasSpanOverload(parsed, method.Parameters[0].Type)))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EnumTryParseOfMask, invocation.Syntax.GetLocation(), Where(parsed), parsed.Name));
            return;
        }
        if (invocation.Instance is not { } instance || !GeneratedMasks.IsEnumMask(StripBoxing(instance).Type, out var mask))
        {
            return;
        }
        if (method.Name == "HasFlag" && method.ContainingType.SpecialType == SpecialType.System_Enum && invocation.Arguments.Length == 1)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HasFlagOnMask, invocation.Syntax.GetLocation(), Where(mask), mask.Name));
        }
        else if (method.Name == "ToString" && method.Parameters.Length == 0 && method.ContainingType.SpecialType is SpecialType.System_Enum or SpecialType.System_Object or SpecialType.System_ValueType)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EnumToStringOnMask, invocation.Syntax.GetLocation(), Where(mask), mask.Name));
        }
    }

    /// <summary>Which class the fix calls, and whether a file's usings bring it into scope.</summary>
    private static ImmutableDictionary<string, string?> Where(INamedTypeSymbol mask)
    {
        var ns = SymbolNames.Namespace(mask);
        return ImmutableDictionary<string, string?>.Empty
            .Add(FixProperties.Extensions, "global::" + (ns.Length == 0 ? "" : ns + ".") + mask.Name + "Extensions")
            .Add(FixProperties.Namespace, ns);
    }

    private static IOperation StripBoxing(IOperation operation) =>
        operation is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : operation;
}
