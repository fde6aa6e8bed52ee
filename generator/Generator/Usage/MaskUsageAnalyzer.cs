using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Usage;

/// <summary>
/// Code that uses a generated mask the way one uses any enum, where the generated member is the
/// right one: <c>~mask</c> (which sets bits that name no register; RM0021), <c>Enum.HasFlag</c>
/// (RM0022), <c>Enum.ToString()</c> (RM0023), <c>Enum.TryParse</c> and <c>Enum.Parse</c> (RM0024),
/// registers' bits written by hand (RM0025) and a number that is a declared set (RM0026). Reported
/// only where a generated mask is involved.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MaskUsageAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.Usage;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);   // why: RegisterMaskAnalyzer.Initialize
        context.RegisterCompilationStartAction(start =>
        {
            // Every rule here is about a mask we generated into this compilation. Without one (a project that
            // references the package and annotates nothing) it registers nothing: not even a look at the syntax.
            if (!GeneratedCode.HasMasks(start.Compilation))
            {
                return;
            }

            // The set constants are read from our output once, and only if a union or number asks.
            var compilation = start.Compilation;
            var cancellationToken = start.CancellationToken;
            var sets = new Lazy<DeclaredSets>(() => DeclaredSets.Read(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            // The register classes' masks, the same way: only when a shift's enum has no register file of its own.
            var classes = new Lazy<RegisterClassMasks>(() => RegisterClassMasks.Read(compilation, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            // One look per document at the few kinds of expression a rule reads, each asking for its own operation.
            // Operation actions would have the compiler build the operation tree of every body and attribute argument
            // in the document on every keystroke (a file of sets is full of arguments); syntax node actions would have
            // the analyzer driver sort every declaration of the document into blocks. A semantic model action costs
            // neither: the document is bound for its own diagnostics anyway, and the walk below is syntax only.
            start.RegisterSemanticModelAction(analysis =>
            {
                foreach (var node in analysis.SemanticModel.SyntaxTree.GetRoot(analysis.CancellationToken).DescendantNodes())
                {
                    if (IsUsageKind(node.Kind()))
                    {
                        Analyze(node, analysis.SemanticModel, analysis.ReportDiagnostic, sets, classes, analysis.CancellationToken);
                    }
                }
            });
        });
    }

    /// <summary>The expressions a rule reads: <c>~</c>, calls, shifts and unions, casts.</summary>
    private static bool IsUsageKind(SyntaxKind kind) => kind is SyntaxKind.BitwiseNotExpression or SyntaxKind.InvocationExpression
        or SyntaxKind.LeftShiftExpression or SyntaxKind.BitwiseOrExpression or SyntaxKind.CastExpression;

    private static void Analyze(SyntaxNode node, SemanticModel model, Action<Diagnostic> report, Lazy<DeclaredSets> sets, Lazy<RegisterClassMasks> classes, CancellationToken cancellationToken)
    {
        if (!MayConcernAMask(node, model, cancellationToken))
        {
            return;
        }
        switch (model.GetOperation(node, cancellationToken))
        {
            case IUnaryOperation unary:
                AnalyzeComplement(unary, report);
                break;
            case IInvocationOperation invocation:
                AnalyzeInvocation(invocation, report);
                break;
            case IBinaryOperation binary:
                AnalyzeHandWrittenBits(binary, report, sets, classes);
                break;
            case IConversionOperation conversion:
                AnalyzeNumberCast(conversion, report, sets);
                break;
        }
    }

    /// <summary>
    /// Whether a rule may apply to the node, decided from its syntax and, where that cannot tell, from the type
    /// the compiler already bound for an expression: asking for the operation instead has the compiler build the
    /// operation tree of the whole member around it, which, for the casts, calls and unions of ordinary code,
    /// cost more than everything else the analyzer does on a keystroke. Each test is one the rule's own reading
    /// of the operation requires, so what it turns away no rule would report:
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>a cast (RM0026): of a number literal, parentheses, <c>checked</c>, <c>unchecked</c> and <c>!</c> aside (none is an operation; the
    /// rule reads a literal through implicit conversions only);</item>
    /// <item>a shift or union (RM0025): every part <c>1 &lt;&lt; (cast)</c>, the same aside and <c>|</c> (<see cref="HandWrittenBits"/>: C# writes an
    /// explicit conversion only as a cast);</item>
    /// <item><c>~x</c> (RM0021): of a mask's type;</item>
    /// <item>a call (RM0022-RM0024): <c>TryParse</c> and <c>Parse</c> always (the mask may be inferred); <c>HasFlag</c> and
    /// <c>ToString</c> on a receiver of a mask's type (the rule strips only the implicit boxing) or a pointer to one (<c>p-&gt;</c>), or after <c>?.</c>;
    /// a call written without a receiver is on the calling type, never a mask. A method's name is written at its call, never aliased.</item>
    /// </list>
    /// </remarks>
    private static bool MayConcernAMask(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) => node switch
    {
        CastExpressionSyntax cast => WithoutWrappers(cast.Expression).IsKind(SyntaxKind.NumericLiteralExpression),
        BinaryExpressionSyntax union => IsUnionOfShiftedCasts(union),
        PrefixUnaryExpressionSyntax complement => IsMaskTyped(complement, model, cancellationToken),
        InvocationExpressionSyntax call => InvokedName(call) switch
        {
            "TryParse" or "Parse" => true,
            "HasFlag" or "ToString" => call.Expression switch
            {
                MemberAccessExpressionSyntax access => IsMaskTyped(access.Expression, model, cancellationToken),
                MemberBindingExpressionSyntax => true,
                _ => false,
            },
            _ => false,
        },
        _ => true,
    };

    /// <summary>Whether the expression is of a mask's type, or (a receiver written <c>p-&gt;</c>) points at one.</summary>
    private static bool IsMaskTyped(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetTypeInfo(expression, cancellationToken).Type switch
        {
            IPointerTypeSymbol pointer => GeneratedMasks.IsEnumMask(pointer.PointedAtType, out _),
            var type => GeneratedMasks.IsEnumMask(type, out _),
        };

    /// <summary><c>1u &lt;&lt; (int)r</c>, and unions of such shifts, as <see cref="HandWrittenBits"/> reads them.</summary>
    private static bool IsUnionOfShiftedCasts(ExpressionSyntax expression) => WithoutWrappers(expression) switch
    {
        BinaryExpressionSyntax union when union.IsKind(SyntaxKind.BitwiseOrExpression) => IsUnionOfShiftedCasts(union.Left) && IsUnionOfShiftedCasts(union.Right),
        BinaryExpressionSyntax shift when shift.IsKind(SyntaxKind.LeftShiftExpression) => WithoutWrappers(shift.Right) is CastExpressionSyntax,
        _ => false,
    };

    /// <summary>
    /// The expression inside parentheses, <c>checked(...)</c>, <c>unchecked(...)</c> and a trailing <c>!</c>: none of them is an
    /// operation of its own, so a rule reading the operation sees through them.
    /// </summary>
    private static ExpressionSyntax WithoutWrappers(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case CheckedExpressionSyntax context:
                    expression = context.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax forgiven when forgiven.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = forgiven.Operand;
                    continue;
                default:
                    return expression;
            }
        }
    }

    /// <summary>The name a call is written with: <c>x.M()</c>, <c>M()</c>, <c>M&lt;T&gt;()</c>, <c>x?.M()</c>.</summary>
    private static string? InvokedName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// <c>1u &lt;&lt; (int)reg</c> and unions of such bits, cast to the mask or left a number:
    /// reported once, at the largest union (or the cast around it), with what to write instead.
    /// The mask is the enum's register file's, else the one register class holding every register
    /// of the union (by member) whose bit for each is the shift's amount (<see cref="RegisterClassMasks.Choose"/>):
    /// where a class numbers its bits otherwise (a class of <c>Xmm8..Xmm15</c> gives <c>Xmm8</c> bit 0),
    /// its mask would change the value, and nothing is reported.
    /// </summary>
    private static void AnalyzeHandWrittenBits(IBinaryOperation operation, Action<Diagnostic> report, Lazy<DeclaredSets> sets, Lazy<RegisterClassMasks> classes)
    {
        var bits = new List<HandWrittenBit>();
        if (operation.OperatorKind is not (BinaryOperatorKind.LeftShift or BinaryOperatorKind.Or)
            || !HandWrittenBits.TryRead(operation, bits, out var registerEnum) || MaskFor(registerEnum!, bits, classes) is not { } mask
            || !HandWrittenBits.KeepsValue(bits) || bits.Any(bit => bit.Member is { } member && mask.GetMembers(member.Name).IsEmpty))
        {
            return;
        }
        var outer = HandWrittenBits.Outer(operation);
        if (outer is IBinaryOperation { OperatorKind: BinaryOperatorKind.Or } && HandWrittenBits.TryRead(outer, new List<HandWrittenBit>(), out _))
        {
            return;   // part of a larger union, which is reported
        }
        var cast = outer is IConversionOperation { IsImplicit: false } conversion && SymbolEqualityComparer.Default.Equals(conversion.Type, mask);
        var reported = cast ? outer! : operation;
        var model = operation.SemanticModel!;
        var position = reported.Syntax.SpanStart;
        var written = new MaskExpressions(mask, registerEnum!, model, position);
        var options = new List<string>();
        if (bits.Count > 1 && bits.All(bit => bit.Index is not null))
        {
            var value = bits.Aggregate(0UL, (all, bit) => all | 1UL << (int)bit.Index!.Value);
            options.AddRange(sets.Value.Named(mask, value, model, position));
        }
        if (cast)
        {
            options.Add(MaskExpressions.InLayout(operation.Syntax, bits, written.Bit));
        }
        else
        {
            // Left a number: the same number, from the mask's members (a constant stays one). A union
            // on several lines casts each bit, so that every line keeps its place: "(int)(" before
            // the first would shift it against the lines below.
            var type = operation.Type!.ToMinimalDisplayString(model, position);
            options = options.Select(option => "(" + type + ")" + option).ToList();
            options.Add(bits.Count == 1 || MaskExpressions.IsMultiLine(operation.Syntax)
                ? MaskExpressions.InLayout(operation.Syntax, bits, bit => "(" + type + ")" + written.Bit(bit))
                : "(" + type + ")(" + MaskExpressions.InLayout(operation.Syntax, bits, written.Bit) + ")");
        }
        report(Diagnostic.Create(DiagnosticDescriptors.HandWrittenBit, reported.Syntax.GetLocation(), Options(options),
            SourceQuote.Of(reported.Syntax), mask.Name, SourceQuote.Of(options[0])));
    }

    /// <summary>The mask the bits are written with: the register file's (no class is read then), else a register class's.</summary>
    private static INamedTypeSymbol? MaskFor(ITypeSymbol registerEnum, List<HandWrittenBit> bits, Lazy<RegisterClassMasks> classes) =>
        GeneratedMasks.MaskOf(registerEnum)
        ?? classes.Value.Choose(registerEnum, bits.Select(bit => new WrittenRegister(bit.Member, null)).ToList())?.Mask;

    /// <summary><c>(Mask)0x0180FFEF</c>: a number that is the value of a declared set.</summary>
    private static void AnalyzeNumberCast(IConversionOperation conversion, Action<Diagnostic> report, Lazy<DeclaredSets> sets)
    {
        if (conversion.IsImplicit || !GeneratedMasks.IsEnumMask(conversion.Type, out var mask)
            || HandWrittenBits.Unwrap(conversion.Operand) is not ILiteralOperation { ConstantValue: { HasValue: true, Value: { } number } } literal
            || !TryGetBits(number, out var bits))
        {
            return;
        }
        var named = sets.Value.Named(mask, bits, conversion.SemanticModel!, conversion.Syntax.SpanStart);
        if (named.IsEmpty)
        {
            return;
        }
        report(Diagnostic.Create(DiagnosticDescriptors.NumberIsDeclaredSet, conversion.Syntax.GetLocation(), Options(named),
            SourceQuote.Of(conversion.Syntax), SourceQuote.Of(literal.Syntax), named[0]));
    }

    private static bool TryGetBits(object number, out ulong bits)
    {
        (var ok, bits) = number switch
        {
            int i when i >= 0 => (true, (ulong)i),
            long l when l >= 0 => (true, (ulong)l),
            uint u => (true, u),
            ulong ul => (true, ul),
            _ => (false, 0UL),
        };
        return ok;
    }

    /// <summary>What a fix may write instead, best first.</summary>
    private static ImmutableDictionary<string, string?> Options(IEnumerable<string> options) =>
        ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Replacements, string.Join(FixProperties.ReplacementSeparator.ToString(), options));

    private static void AnalyzeComplement(IUnaryOperation operation, Action<Diagnostic> report)
    {
        if (operation.OperatorKind != UnaryOperatorKind.BitwiseNegation || !GeneratedMasks.IsEnumMask(operation.Type, out var mask)
            || !GeneratedMasks.HasBitsOutsideAll(mask) || IsMaskedAtOnce(operation))
        {
            return;
        }
        report(Diagnostic.Create(DiagnosticDescriptors.ComplementOutsideAll, operation.Syntax.GetLocation(), Where(mask, operation, "Complement"), SourceQuote.Of(operation.Syntax), mask.Name));
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

    private static void AnalyzeInvocation(IInvocationOperation invocation, Action<Diagnostic> report)
    {
        var method = invocation.TargetMethod;
        // Enum.TryParse<M>(text, out m) and Enum.Parse<M>(text): ours read the same text (the ignoreCase overloads are not ours).
        if (method is { Name: "TryParse" or "Parse", IsStatic: true, TypeArguments.Length: 1 } && method.Parameters.Length == (method.Name == "Parse" ? 1 : 2)
            && method.ContainingType.SpecialType == SpecialType.System_Enum
            && GeneratedMasks.IsEnumMask(method.TypeArguments[0], out var parsed)
            && (method.Parameters[0].Type.SpecialType == SpecialType.System_String || method.Name == "TryParse" && GeneratedMasks.HasSpanOverload(parsed, method.Parameters[0].Type)))
        {
            report(Diagnostic.Create(DiagnosticDescriptors.EnumTryParseOfMask, invocation.Syntax.GetLocation(), Where(parsed, invocation), parsed.Name, method.Name));
            return;
        }
        if (invocation.Instance is not { } instance || !GeneratedMasks.IsEnumMask(StripBoxing(instance).Type, out var mask))
        {
            return;
        }
        if (method.Name == "HasFlag" && method.ContainingType.SpecialType == SpecialType.System_Enum && invocation.Arguments.Length == 1)
        {
            var where = Where(mask, invocation, "Contains", "IsSupersetOf");
            if (GeneratedMasks.IsClassMask(mask))
            {
                // A register class's mask: HasFlag(r.To{Mask}()) is one register, as HasFlag(r.ToMask()) is for a file's.
                where = where.Add(FixProperties.Conversion, GeneratedMasks.ConversionName(mask));
            }
            report(Diagnostic.Create(DiagnosticDescriptors.HasFlagOnMask, invocation.Syntax.GetLocation(), where, mask.Name));
        }
        else if (method.Name == "ToString" && method.Parameters.Length == 0 && method.ContainingType.SpecialType is SpecialType.System_Enum or SpecialType.System_Object or SpecialType.System_ValueType)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.EnumToStringOnMask, invocation.Syntax.GetLocation(), Where(mask, invocation, "ToStringFast"), mask.Name));
        }
    }

    /// <summary>
    /// The class a static call names, as code at the diagnostic binds it to ours, and whether an
    /// extension call of each of <paramref name="methods"/> binds to ours there (the fix writes one then).
    /// </summary>
    private static ImmutableDictionary<string, string?> Where(INamedTypeSymbol mask, IOperation at, params string[] methods)
    {
        var model = at.SemanticModel!;
        var position = at.Syntax.SpanStart;
        var ns = SymbolNames.Namespace(mask);
        var extensions = GeneratedMasks.ExtensionsOf(mask) is { } generated
            ? BoundNames.Type(generated, model, position)
            : "global::" + (ns.Length == 0 ? "" : ns + ".") + mask.Name + "Extensions";
        var where = ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Extensions, extensions);
        return methods.Length > 0 && methods.All(method => GeneratedMasks.ExtensionBinds(model, position, mask, method))
            ? where.Add(FixProperties.ExtensionCall, "true")
            : where;
    }

    private static IOperation StripBoxing(IOperation operation) =>
        operation is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : operation;
}
