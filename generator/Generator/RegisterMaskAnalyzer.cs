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
            // The reading of this compilation's user trees (AnnotationReading): in a build, the very one the
            // generator made of them; in an editor, the one before this keystroke, reused by its rules. Where
            // nothing is annotated (a project that references the package and uses none of it) there is
            // nothing to report: no action, so the compiler calls us for no tree.
            var compilation = start.Compilation;
            var reading = AnnotationReading.Of(compilation, start.CancellationToken);
            if (reading.Models.IsEmpty)
            {
                return;
            }
            var byTree = new CompilationDiagnostics(compilation, reading);
            start.RegisterSemanticModelAction(analysis =>
            {
                var tree = analysis.SemanticModel.SyntaxTree;
                foreach (var diagnostic in byTree.In(tree, analysis.CancellationToken))
                {
                    analysis.ReportDiagnostic(diagnostic.ToDiagnostic(tree));
                }
            });
        });
    }

    /// <summary>
    /// One compilation's diagnostics by tree, resolved once, by whichever tree asks first (the resolution
    /// of an unchanged models object is the one already made: <see cref="ReadingStore.Resolve"/>); each
    /// tree's moved to its current text when its models were read from an older version.
    /// </summary>
    private sealed class CompilationDiagnostics
    {
        private readonly Compilation _compilation;
        private AnnotationReading _reading;
        private ILookup<string, DiagnosticInfo>? _byPath;
        private readonly object _gate = new();

        public CompilationDiagnostics(Compilation compilation, AnnotationReading reading) => (_compilation, _reading) = (compilation, reading);

        public IEnumerable<DiagnosticInfo> In(SyntaxTree tree, CancellationToken cancellationToken)
        {
            // A cancelled first request leaves nothing behind: the next one starts again.
            lock (_gate)
            {
                _byPath ??= Resolve(cancellationToken);
                var found = _byPath[tree.FilePath];
                if (!found.Any()
                    || _reading.Trees.FirstOrDefault(entry => ReferenceEquals(entry.Tree, tree)) is not { } entry
                    || ReferenceEquals(entry.ReadFrom, entry.Tree))
                {
                    return found;
                }
                if (ReadingDiagnostics.In(entry, found) is { } moved)
                {
                    return moved;
                }
                // A location the body edits since the tree was read reach into: read this compilation afresh, once.
                _reading = AnnotationReading.Fresh(_compilation, _reading.Trees.Select(each => each.Tree).ToImmutableArray(), cancellationToken);
                ReadingStore.Publish(_reading);
                _byPath = Resolve(cancellationToken);
                return _byPath[tree.FilePath];
            }
        }

        private ILookup<string, DiagnosticInfo> Resolve(CancellationToken cancellationToken) =>
            ReadingStore.Resolve(_reading.Models, cancellationToken).Diagnostics.ToLookup(diagnostic => diagnostic.Location.FilePath, StringComparer.Ordinal);
    }
}
