using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Usage;

/// <summary>
/// The set constants we generated into a compilation, by mask and value: what a hand-written union
/// or number that equals one of them should say instead. Read from our generated trees (the analyzer
/// sees the compilation with them), once per compilation and only when something asks.
/// </summary>
internal sealed class DeclaredSets
{
    private readonly Dictionary<(INamedTypeSymbol Mask, ulong Bits), List<IFieldSymbol>> _byValue = new(new KeyComparer());

    private DeclaredSets()
    {
    }

    public static DeclaredSets Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var sets = new DeclaredSets();
        foreach (var tree in compilation.SyntaxTrees.Where(GeneratedCode.IsOurs))
        {
            SemanticModel? model = null;
            foreach (var field in tree.GetRoot(cancellationToken).DescendantNodes(node => node is not MemberDeclarationSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<FieldDeclarationSyntax>())
            {
                if (!field.Modifiers.Any(modifier => modifier.ValueText == "const"))
                {
                    continue;
                }
                model ??= compilation.GetSemanticModel(tree);
                foreach (var variable in field.Declaration.Variables)
                {
                    if (model.GetDeclaredSymbol(variable, cancellationToken) is IFieldSymbol { HasConstantValue: true, ConstantValue: { } value } constant
                        && GeneratedMasks.IsEnumMask(constant.Type, out var mask))
                    {
                        var key = (mask, System.Convert.ToUInt64(value, CultureInfo.InvariantCulture));
                        if (!sets._byValue.TryGetValue(key, out var list))
                        {
                            sets._byValue.Add(key, list = new List<IFieldSymbol>());
                        }
                        list.Add(constant);
                    }
                }
            }
        }
        return sets;
    }

    /// <summary>
    /// The constants of <paramref name="mask"/> equal to <paramref name="bits"/>, each as code at
    /// <paramref name="position"/> writes it (<c>Tdx.TDX_REGS_AVAIL_SET</c>), in ordinal order; a
    /// constant that code cannot reach there (a set declared private elsewhere) is none.
    /// </summary>
    public ImmutableArray<string> Named(INamedTypeSymbol mask, ulong bits, SemanticModel model, int position) =>
        _byValue.TryGetValue((mask, bits), out var constants)
            ? constants.Select(constant => BoundNames.Member(constant, model, position)).OfType<string>()
                .Distinct().OrderBy(name => name, System.StringComparer.Ordinal).ToImmutableArray()
            : ImmutableArray<string>.Empty;

    private sealed class KeyComparer : IEqualityComparer<(INamedTypeSymbol Mask, ulong Bits)>
    {
        public bool Equals((INamedTypeSymbol Mask, ulong Bits) x, (INamedTypeSymbol Mask, ulong Bits) y) =>
            x.Bits == y.Bits && SymbolEqualityComparer.Default.Equals(x.Mask, y.Mask);

        public int GetHashCode((INamedTypeSymbol Mask, ulong Bits) key) =>
            SymbolEqualityComparer.Default.GetHashCode(key.Mask) ^ key.Bits.GetHashCode();
    }
}
