using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RegisterMasks.Generator.Emitting;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Generator.Resolution;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>
/// Where reading annotations goes, as shares of one cold read on a fresh compilation: the
/// compiler binding our attributes (the symbols and their AttributeData, which any generator
/// pays), our parsing on top of that, resolution, and rendering every output. Each part is timed
/// on its own fresh clone, medians of the runs. A diagnosis (<c>-- --steps</c>), not a benchmark.
/// </summary>
internal static class ReadingBreakdown
{
    public static void Print(string input, int runs)
    {
        // With our attributes' definitions, as the generator's first output puts them in every build: else nothing binds to them.
        var (raw, primed) = GeneratorInputs.Primed(input);
        var compilation = GeneratorInputs.WithAttributesAsSource(raw, primed);
        var features = TargetFeatures.Of(compilation);
        var models = AnnotationScanner.Scan(compilation.Clone(), CancellationToken.None);
        var resolved = SetResolver.Resolve(models, CancellationToken.None);

        var errors = compilation.GetDiagnostics().Count(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        if (errors > 0)
        {
            throw new InvalidOperationException($"{input} with our attributes has {errors} errors: the baseline would time error recovery");
        }
        var getDiagnostics = Median(runs, () => compilation.Clone().GetDiagnostics());
        var getDiagnosticsRaw = Median(runs, () => raw.Clone().GetDiagnostics());
        var binding = Median(runs, () => BindOurAttributes(compilation.Clone()));
        var scan = Median(runs, () => AnnotationScanner.Scan(compilation.Clone(), CancellationToken.None));
        var resolution = Median(runs, () => SetResolver.Resolve(models, CancellationToken.None));
        var rendering = Median(runs, () =>
        {
            foreach (var mask in resolved.Masks) SourceEmitter.Mask(mask, features);
            // As the pipeline does: each catalog and each type's constants a piece, joined into a file per namespace.
            var pieces = resolved.Catalogs.Select(catalog => new GeneratedText(catalog.FileHintName, SourceEmitter.CatalogFragment(catalog, features)))
                .Concat(resolved.SetContainers.Select(sets => new GeneratedText(sets.FileHintName, SourceEmitter.SetsFragment(sets, features))));
            _ = SourceEmitter.SetsFileFragments(pieces).Select(file => SourceEmitter.SetsFile(file, features)).ToList();
        });
        var parsing = scan - binding;
        var total = scan + resolution + rendering;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{input}, a cold read, medians of {runs} runs: compiler GetDiagnostics {getDiagnostics:F1} ms (without our attributes' definitions {getDiagnosticsRaw:F1} ms); ours {total:F1} ms ({total / getDiagnostics:F2}x): " +
            $"binding {binding:F1} ms ({binding / total:P0}), our parsing {parsing:F1} ms ({parsing / total:P0}), resolution {resolution:F1} ms ({resolution / total:P0}), rendering {rendering:F1} ms ({rendering / total:P0})"));
    }

    /// <summary>What the compiler does for any reader of these attributes: each annotated type's symbol and its attributes, bound.</summary>
    private static int BindOurAttributes(Compilation compilation)
    {
        var count = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                .OfType<BaseTypeDeclarationSyntax>().Where(declaration => declaration.AttributeLists.Count > 0))
            {
                if (model.GetDeclaredSymbol(declaration) is { } symbol)
                {
                    foreach (var attribute in symbol.GetAttributes())
                    {
                        count += attribute.ConstructorArguments.Length + attribute.NamedArguments.Length;
                    }
                    if (symbol is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
                    {
                        foreach (var member in enumType.GetMembers())
                        {
                            count += member.GetAttributes().Length;
                        }
                    }
                }
            }
        }
        return count;
    }

    private static double Median(int runs, Action action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
