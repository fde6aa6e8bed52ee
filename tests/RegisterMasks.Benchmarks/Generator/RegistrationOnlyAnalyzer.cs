using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RegisterMasks.Benchmarks.Generator;

/// <summary>
/// An analyzer registered exactly as <see cref="RegisterMasks.Generator.RegisterMaskAnalyzer"/> is, doing
/// nothing: what the analyzer driver costs any analyzer of that shape, so that ours can be told from it.
/// Constructed directly by the benchmark and never shipped: hence no [DiagnosticAnalyzer] and no release tracking.
/// </summary>
#pragma warning disable RS1001, RS2008
internal sealed class RegistrationOnlyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_never = new("BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(s_never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start => start.RegisterSemanticModelAction(static _ => { }));
    }
}
#pragma warning restore RS1001, RS2008
