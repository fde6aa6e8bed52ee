using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Shared;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>
/// The floor any attribute-driven generator pays: the same ForAttributeWithMetadataName providers
/// as RegisterMasks, with transforms that only count the attributes found. Timing it beside the
/// real generator shows how much of a keystroke is ours and how much is Roslyn binding attributes.
/// (Constructed directly by the benchmark, so it carries no [Generator] attribute.)
/// </summary>
public sealed class AttributeFloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.SyntaxProvider.ForAttributeWithMetadataName(
            KnownNames.Namespace + "." + KnownNames.RegisterFile, static (node, _) => node is EnumDeclarationSyntax, static (ctx, _) => ctx.Attributes.Length);
        var sets = context.SyntaxProvider.ForAttributeWithMetadataName(
            KnownNames.Namespace + "." + KnownNames.RegisterSet, static (node, _) => node is TypeDeclarationSyntax, static (ctx, _) => ctx.Attributes.Length);
        var total = files.Collect().Combine(sets.Collect()).Select(static (pair, _) => pair.Left.Sum() + pair.Right.Sum());
        context.RegisterSourceOutput(total, static (output, count) => output.AddSource("Count.g.cs", "// " + count));
    }
}
