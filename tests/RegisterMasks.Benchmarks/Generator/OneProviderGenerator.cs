using Microsoft.CodeAnalysis;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>One of our <c>ForAttributeWithMetadataName</c> providers, real transform included, and nothing else: to time each alone.</summary>
internal sealed class OneProviderGenerator(string attribute, Func<GeneratorAttributeSyntaxContext, CancellationToken, object?>? transform) : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var provider = context.SyntaxProvider.ForAttributeWithMetadataName(
            attribute, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax, (ctx, ct) => transform is null ? ctx.Attributes.Length : transform(ctx, ct));
        context.RegisterSourceOutput(provider.Collect(), static (output, items) => output.AddSource("Count.g.cs", "// " + items.Length));
    }
}
