using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Floor;

// The floor any attribute-driven package pays in a real build, loaded beside ours by unused-build.sh:
// a ForAttributeWithMetadataName generator for our two main attributes whose transforms only count what
// they find, and an analyzer registered as ours is (concurrent, generated code skipped, a compilation
// start action) that never registers anything.

[Generator(LanguageNames.CSharp)]
public sealed class FloorGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.SyntaxProvider.ForAttributeWithMetadataName("RegisterMasking.RegisterFileAttribute", static (node, _) => node is EnumDeclarationSyntax, static (ctx, _) => ctx.Attributes.Length);
        var sets = context.SyntaxProvider.ForAttributeWithMetadataName("RegisterMasking.RegisterSetAttribute", static (node, _) => node is TypeDeclarationSyntax, static (ctx, _) => ctx.Attributes.Length);
        var total = files.Collect().Combine(sets.Collect()).Select(static (pair, _) => pair.Left.Length + pair.Right.Length);
        context.RegisterSourceOutput(total, static (output, count) => output.AddSource("FloorCount.g.cs", "// " + count));
    }
}

[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoOpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("FLOOR1", "t", "m", "c", DiagnosticSeverity.Warning, true);
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start => { if (start.Compilation.AssemblyName == "never") start.RegisterSemanticModelAction(static _ => { }); });
    }
}
