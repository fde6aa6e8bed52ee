using System.Linq;
using Microsoft.CodeAnalysis;

namespace RegisterMasks.Shared;

/// <summary>Recognises the masks we generate, from their symbols: a <c>[Flags]</c> enum declared in our output.</summary>
internal static class GeneratedMasks
{
    public static bool IsEnumMask(ITypeSymbol? type, out INamedTypeSymbol mask)
    {
        mask = null!;
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } named
            || named.DeclaringSyntaxReferences.IsEmpty
            || !named.DeclaringSyntaxReferences.All(reference => GeneratedCode.IsOurs(reference.SyntaxTree))
            || !named.GetAttributes().Any(attribute => attribute.AttributeClass?.ToDisplayString() == "System.FlagsAttribute"))
        {
            return false;
        }
        mask = named;
        return true;
    }

    /// <summary>Whether the word has bits no register takes: then <c>~</c> can set them.</summary>
    public static bool HasBitsOutsideAll(INamedTypeSymbol mask)
    {
        var all = mask.GetMembers("All").OfType<IFieldSymbol>().FirstOrDefault()?.ConstantValue;
        var bits = all is null ? 0UL : System.Convert.ToUInt64(all, System.Globalization.CultureInfo.InvariantCulture);
        var word = mask.EnumUnderlyingType?.SpecialType switch
        {
            SpecialType.System_Byte => 0xFFUL,
            SpecialType.System_UInt16 => 0xFFFFUL,
            SpecialType.System_UInt32 => 0xFFFF_FFFFUL,
            _ => ulong.MaxValue,
        };
        return bits != word;
    }

    /// <summary>Whether the mask's extensions have a <c>TryParse</c> over <paramref name="text"/>'s type (the span one, where the target has spans).</summary>
    public static bool HasSpanOverload(INamedTypeSymbol mask, ITypeSymbol text) =>
        ExtensionMethods(mask, "TryParse").Any(method => method.Parameters.Length == 2 && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, text));

    /// <summary>The register enum of a mask: what its generated conversion (<c>ToMask</c>, or a class's <c>To{Mask}</c>) takes.</summary>
    public static ITypeSymbol? RegisterEnumOf(INamedTypeSymbol mask) =>
        Conversions(mask, "ToMask").Concat(Conversions(mask, ClassConversionName(mask.Name))).Select(method => method.Parameters[0].Type).FirstOrDefault();

    /// <summary>
    /// The name of the extension that gives a register's bit in the mask: <c>ToMask</c> for a register file's mask,
    /// <c>To{Mask}</c> for a register class's (<c>X86Register.Rcx.ToX86GprMask()</c>: two classes of one enum
    /// would make one name ambiguous).
    /// </summary>
    public static string ConversionName(INamedTypeSymbol mask) => IsClassMask(mask) ? ClassConversionName(mask.Name) : "ToMask";

    /// <summary>Whether the mask is a register class's: its extensions convert a register with <c>To{Mask}</c>.</summary>
    public static bool IsClassMask(INamedTypeSymbol mask) => Conversions(mask, ClassConversionName(mask.Name)).Any();

    /// <summary>A register class's conversion, <c>To{Mask}</c>, as the generator names it.</summary>
    public static string ClassConversionName(string maskName) => "To" + maskName;

    private static System.Collections.Generic.IEnumerable<IMethodSymbol> Conversions(INamedTypeSymbol mask, string name) =>
        ExtensionMethods(mask, name).Where(method => method.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(method.ReturnType, mask));

    /// <summary>
    /// The bit of <paramref name="register"/> in the mask: that of the mask's member of its name (by member, not
    /// by value: <c>X86VecMask.Xmm6</c> for <c>Xmm6</c>, whose value is <c>Rsi</c>'s too); null when the mask
    /// has none (the register is not its file's or class's, or is a sentinel).
    /// </summary>
    public static int? BitOf(INamedTypeSymbol mask, IFieldSymbol register) =>
        mask.GetMembers(register.Name).OfType<IFieldSymbol>().Select(SingleBit).FirstOrDefault(bit => bit is not null);

    /// <summary>The bit a mask's member is, when it is one bit (a register's; not <c>None</c> or <c>All</c>).</summary>
    public static int? SingleBit(IFieldSymbol member)
    {
        if (!member.HasConstantValue || member.ConstantValue is null)
        {
            return null;
        }
        var value = System.Convert.ToUInt64(member.ConstantValue, System.Globalization.CultureInfo.InvariantCulture);
        if (value == 0 || (value & (value - 1)) != 0)
        {
            return null;
        }
        var bit = 0;
        while (value != 1)
        {
            value >>= 1;
            bit++;
        }
        return bit;
    }

    /// <summary>
    /// The enum mask generated for a register enum: the type its <c>[RegisterFile]</c> names (by
    /// <c>MaskName</c>, or the enum's name and <c>Mask</c>) in its namespace, whose <c>ToMask</c> takes it.
    /// </summary>
    public static INamedTypeSymbol? MaskOf(ITypeSymbol? registerEnum)
    {
        var file = registerEnum?.GetAttributes().FirstOrDefault(attribute => KnownNames.IsOurs(attribute.AttributeClass, KnownNames.RegisterFile));
        if (file is null)
        {
            return null;
        }
        var name = file.NamedArguments.FirstOrDefault(pair => pair.Key == "MaskName").Value.Value as string ?? registerEnum!.Name + "Mask";
        return registerEnum!.ContainingNamespace.GetTypeMembers(name.TrimStart('@'))
            .FirstOrDefault(type => IsEnumMask(type, out _) && SymbolEqualityComparer.Default.Equals(RegisterEnumOf(type), registerEnum));
    }

    /// <summary>The generated <c>{Mask}Extensions</c> class.</summary>
    public static INamedTypeSymbol? ExtensionsOf(INamedTypeSymbol mask) => ExtensionsClasses(mask).FirstOrDefault();

    /// <summary>The types named <c>{Mask}Extensions</c> beside the mask: the one lookup of that name.</summary>
    private static System.Collections.Immutable.ImmutableArray<INamedTypeSymbol> ExtensionsClasses(INamedTypeSymbol mask) =>
        mask.ContainingNamespace.GetTypeMembers(mask.Name + "Extensions");

    /// <summary>
    /// Whether code at <paramref name="position"/> calling <c>receiver.{name}(...)</c> binds to our
    /// extension method: ours is in scope, and no other member or extension of that name is, which
    /// could make the call ambiguous or bind elsewhere (a user's own <c>ToMask</c>, say).
    /// </summary>
    public static bool ExtensionBinds(SemanticModel model, int position, ITypeSymbol receiver, string name)
    {
        var found = model.LookupSymbols(position, receiver, name, includeReducedExtensionMethods: true);
        return found.Length > 0 && found.All(symbol => symbol is IMethodSymbol { ReducedFrom: { } extension } && IsOurExtension(extension));
    }

    /// <summary>The methods of that name in the mask's <c>{Mask}Extensions</c>, which we generate beside it.</summary>
    private static System.Collections.Generic.IEnumerable<IMethodSymbol> ExtensionMethods(INamedTypeSymbol mask, string name) =>
        ExtensionsClasses(mask).SelectMany(type => type.GetMembers(name)).OfType<IMethodSymbol>();

    /// <summary>A method of a generated <c>{Mask}Extensions</c> class.</summary>
    public static bool IsOurExtension(IMethodSymbol method) =>
        method.ContainingType is { IsStatic: true } type && type.Name.EndsWith("Extensions", System.StringComparison.Ordinal)
        && type.DeclaringSyntaxReferences.Any(reference => GeneratedCode.IsOurs(reference.SyntaxTree));
}
