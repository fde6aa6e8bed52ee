using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegisterMasks.Generator;
using Xunit;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>Runs <see cref="RegisterMaskAnalyzer"/> over a compilation as the compiler does, failing on any analyzer exception.</summary>
internal static class AnalyzerHarness
{
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, AnalyzerOptions? options = null, CancellationToken cancellationToken = default) =>
        Analyze(compilation, new RegisterMaskAnalyzer(), options, cancellationToken);

    /// <summary>
    /// What the analyzer reports reading the compilation itself: the same code in new tree objects,
    /// which no generator run has read, so nothing is shared with one (<c>SharedReading</c>).
    /// Diagnostics are in those new trees, at the same paths and spans.
    /// </summary>
    public static ImmutableArray<Diagnostic> AnalyzeUnshared(Compilation compilation) =>
        Analyze(compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(tree =>
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(tree.GetText(), (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)tree.Options, tree.FilePath))));

    /// <summary>The usage analyzer's diagnostics (RM0021-RM0023): code that uses a generated mask.</summary>
    public static ImmutableArray<Diagnostic> AnalyzeUsage(Compilation compilation) =>
        Analyze(compilation, new RegisterMasks.Generator.Usage.MaskUsageAnalyzer(), null, default);

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation, DiagnosticAnalyzer analyzer, AnalyzerOptions? options, CancellationToken cancellationToken)
    {
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create(analyzer),
            new CompilationWithAnalyzersOptions(
                options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
        Assert.True(exceptions.Count == 0, "The analyzer threw: " + string.Join(Environment.NewLine, exceptions));
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
        return diagnostics;
    }
}
