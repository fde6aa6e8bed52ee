using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Incremental;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Parsing;

namespace RegisterMasks.Generator;

/// <summary>
/// Reports every RM diagnostic, from the same parser and resolver the generator runs. Diagnostics
/// reported by a generator have no syntax tree: editors do not show them and no <c>#pragma</c>,
/// <c>[SuppressMessage]</c> or severity set per source file reaches them. These are reported in the user's
/// own trees, so all of that works.
/// </summary>
/// <remarks>
/// Resolution needs every annotation of the compilation (includes, duplicate names and invariants
/// cross trees), so it runs once per compilation, on first demand. Each tree's diagnostics are then
/// reported from that tree's semantic model action: an editor analyzing one open document asks for
/// exactly that, so even rules across trees show live, with no compilation-end action involved.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RegisterMaskAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // Where nothing is annotated (a project that references the package and uses none of it)
            // there is nothing to report: no action, so the compiler calls us for no tree. The generator's
            // reading of this very compilation says so; else a look at syntax alone: without an attribute
            // whose name could be ours, the scanner would bind nothing and find nothing.
            var compilation = start.Compilation;
            var shared = SharedReading.TryTake(compilation);
            if (shared is { IsEmpty: true })
            {
                return;
            }
            var names = shared is null ? AnnotationScanner.CandidateNamesInUse(compilation, start.CancellationToken) : null;
            if (shared is null && names is null)
            {
                return;
            }
            // What the generator read from this compilation's user code, where it did (a build, an editor); else a
            // reading of our own, with the names just found.
            var byTree = new CompilationDiagnostics(shared is not null
                ? _ => shared
                : cancellationToken => AnnotationScanner.Scan(compilation, names!, cancellationToken));
            start.RegisterSemanticModelAction(analysis =>
            {
                var tree = analysis.SemanticModel.SyntaxTree;
                foreach (var diagnostic in byTree.In(tree.FilePath, analysis.CancellationToken))
                {
                    analysis.ReportDiagnostic(diagnostic.ToDiagnostic(tree));
                }
            });
        });
    }

    /// <summary>One compilation's diagnostics by tree (its file path), resolved once, by whichever tree asks first.</summary>
    private sealed class CompilationDiagnostics
    {
        private readonly Func<CancellationToken, AnnotationModels> _read;
        private ILookup<string, DiagnosticInfo>? _byTree;
        private readonly object _gate = new();

        public CompilationDiagnostics(Func<CancellationToken, AnnotationModels> read) => _read = read;

        public IEnumerable<DiagnosticInfo> In(string filePath, CancellationToken cancellationToken)
        {
            // A cancelled first request leaves nothing behind: the next one starts again.
            if (Volatile.Read(ref _byTree) is { } known)
            {
                return known[filePath];
            }
            lock (_gate)
            {
                _byTree ??= Resolve(cancellationToken);
                return _byTree[filePath];
            }
        }

        private ILookup<string, DiagnosticInfo> Resolve(CancellationToken cancellationToken)
        {
            var result = SharedReading.Resolve(_read(cancellationToken), cancellationToken);
            return result.Diagnostics.ToLookup(diagnostic => diagnostic.Location.FilePath, StringComparer.Ordinal);
        }
    }
}
