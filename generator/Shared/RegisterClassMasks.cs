using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace RegisterMasks.Shared;

/// <summary>
/// A register as hand-written code wrote it: the enum member (null for a register that is no constant,
/// <c>1 &lt;&lt; (int)reg</c>), and the mask it was read through, when it was one of a mask's members or
/// conversions (<c>X86VecMask.Xmm0</c>, <c>r.ToX86VecMask()</c>); null for a shift, whose bit is the member's value.
/// </summary>
internal readonly struct WrittenRegister
{
    public WrittenRegister(IFieldSymbol? member, INamedTypeSymbol? through)
    {
        Member = member;
        Through = through;
    }

    public IFieldSymbol? Member { get; }

    public INamedTypeSymbol? Through { get; }
}

/// <summary>The mask a union of registers is written with, and whether the generator finds it for a set of them unaided.</summary>
internal readonly struct ChosenMask
{
    public ChosenMask(INamedTypeSymbol mask, bool isClass, bool inferred)
    {
        Mask = mask;
        IsClass = isClass;
        Inferred = inferred;
    }

    public INamedTypeSymbol Mask { get; }

    /// <summary>A register class's mask (converted with <c>To{Mask}</c>), not a register file's.</summary>
    public bool IsClass { get; }

    /// <summary>
    /// Whether a <c>[RegisterSet]</c> naming these registers, away from any holder, belongs to this mask
    /// without <c>RegisterFile = typeof(Holder)</c>: a file's always; a class's when the enum has no
    /// <c>[RegisterFile]</c> and no other class holds every register (by member).
    /// </summary>
    public bool Inferred { get; }
}

/// <summary>
/// The register classes' masks in our output, by enum: each enum mask whose <c>{Mask}Extensions</c> has
/// <c>To{Mask}(this TEnum)</c>. A class's bits are not its registers' values: a member's bit is the one its
/// mask's member of the same name has (by member, not by value: <c>Xmm6</c> is the vector class's bit 6
/// although its value is <c>Rsi</c>'s too). Read once per compilation (the analyzer) or per request (the
/// refactoring), from the declaration table: no binding of method bodies.
/// </summary>
internal sealed class RegisterClassMasks
{
    private readonly Dictionary<ITypeSymbol, List<INamedTypeSymbol>> _byEnum = new(SymbolEqualityComparer.Default);

    private RegisterClassMasks()
    {
    }

    public static RegisterClassMasks Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var masks = new RegisterClassMasks();
        foreach (var symbol in compilation.GetSymbolsWithName(name => name.EndsWith("Extensions", System.StringComparison.Ordinal), SymbolFilter.Type, cancellationToken))
        {
            if (symbol is not INamedTypeSymbol { IsStatic: true, ContainingType: null } extensions || extensions.DeclaringSyntaxReferences.IsEmpty
                || !extensions.DeclaringSyntaxReferences.All(reference => GeneratedCode.IsOurs(reference.SyntaxTree)))
            {
                continue;
            }
            var maskName = extensions.Name.Substring(0, extensions.Name.Length - "Extensions".Length);
            foreach (var conversion in extensions.GetMembers(GeneratedMasks.ClassConversionName(maskName)).OfType<IMethodSymbol>())
            {
                if (conversion is { IsExtensionMethod: true, Parameters.Length: 1, ReturnType: INamedTypeSymbol mask } && mask.Name == maskName
                    && GeneratedMasks.IsEnumMask(mask, out _) && conversion.Parameters[0].Type is { TypeKind: TypeKind.Enum } registerEnum)
                {
                    if (!masks._byEnum.TryGetValue(registerEnum, out var list))
                    {
                        masks._byEnum.Add(registerEnum, list = new List<INamedTypeSymbol>());
                    }
                    if (!list.Contains(mask, SymbolEqualityComparer.Default))
                    {
                        list.Add(mask);
                    }
                }
            }
        }
        foreach (var list in masks._byEnum.Values)
        {
            list.Sort((x, y) => string.CompareOrdinal(x.ToDisplayString(), y.ToDisplayString()));
        }
        return masks;
    }

    /// <summary>The masks of the register classes over <paramref name="registerEnum"/>, by full name.</summary>
    public IReadOnlyList<INamedTypeSymbol> Of(ITypeSymbol registerEnum) =>
        _byEnum.TryGetValue(registerEnum, out var list) ? list : (IReadOnlyList<INamedTypeSymbol>)new INamedTypeSymbol[0];

    /// <summary>
    /// The mask that writes these registers' bits with the value the hand-written code has, or null:
    /// <list type="bullet">
    /// <item>the enum's <c>[RegisterFile]</c> mask, as before classes, unless a register was read through a class's mask;</item>
    /// <item>else the one register class that holds every constant register (by member), that every register read through
    ///   a mask was read through, and whose bit for each register written as a shift is that shift's amount (its value);
    ///   a register that is no constant (<c>1 &lt;&lt; (int)reg</c>) needs a class whose every bit equals its register's value,
    ///   since which member it will be is not known.</item>
    /// </list>
    /// None where no class fits, or several do (which mask to write is then yours to say).
    /// </summary>
    public ChosenMask? Choose(ITypeSymbol registerEnum, IReadOnlyList<WrittenRegister> registers)
    {
        var file = GeneratedMasks.MaskOf(registerEnum);
        if (file is not null && registers.All(register => register.Through is null || SymbolEqualityComparer.Default.Equals(register.Through, file)))
        {
            return new ChosenMask(file, isClass: false, inferred: true);
        }
        var members = registers.Select(register => register.Member).OfType<IFieldSymbol>().ToList();
        var holding = Of(registerEnum).Where(mask => members.All(member => GeneratedMasks.BitOf(mask, member) is not null)).ToList();
        var fitting = holding.Where(mask => registers.All(register => Fits(mask, register))).ToList();
        if (fitting.Count != 1)
        {
            return null;
        }
        return new ChosenMask(fitting[0], isClass: true, inferred: file is null && holding.Count == 1);
    }

    private static bool Fits(INamedTypeSymbol mask, WrittenRegister register)
    {
        if (register.Through is { } through)
        {
            return SymbolEqualityComparer.Default.Equals(through, mask);
        }
        if (register.Member is { } member)
        {
            // A shift's amount is the member's value: the class's bit must be that number, or the mask would change the value.
            return GeneratedMasks.BitOf(mask, member) is { } bit && ValueIs(member, bit);
        }
        return IsIdentity(mask);
    }

    /// <summary>Whether every register of the class has its value as its bit (then <c>1 &lt;&lt; (int)reg</c> is its bit for any of them).</summary>
    private static bool IsIdentity(INamedTypeSymbol mask)
    {
        if (GeneratedMasks.RegisterEnumOf(mask) is not { } registerEnum)
        {
            return false;
        }
        foreach (var field in mask.GetMembers().OfType<IFieldSymbol>())
        {
            if (GeneratedMasks.SingleBit(field) is not { } bit)
            {
                continue;
            }
            if (registerEnum.GetMembers(field.Name).OfType<IFieldSymbol>().FirstOrDefault() is not { } member || !ValueIs(member, bit))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether the enum member's value is <paramref name="bit"/> (a <c>ulong</c> past <c>long</c>'s range is not, and throws nothing).</summary>
    private static bool ValueIs(IFieldSymbol member, int bit) => member.ConstantValue switch
    {
        ulong value => value == (ulong)bit,
        null => false,
        var value when member.HasConstantValue => System.Convert.ToInt64(value, CultureInfo.InvariantCulture) == bit,
        _ => false,
    };
}
