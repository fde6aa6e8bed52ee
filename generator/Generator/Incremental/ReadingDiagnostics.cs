using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RegisterMasks.Generator.Model;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Incremental;

/// <summary>A reading's diagnostics where the analyzer reports them: in each tree's current text.</summary>
internal static class ReadingDiagnostics
{
    /// <summary>
    /// The diagnostics of one tree, moved from the version its models were read from to the current one
    /// (<see cref="TreeMapping"/>); null when one cannot be moved (the caller then reads that compilation afresh).
    /// </summary>
    public static List<DiagnosticInfo>? In(TreeReading tree, IEnumerable<DiagnosticInfo> diagnostics)
    {
        var mapping = TreeMapping.Of(tree);
        var moved = new List<DiagnosticInfo>(diagnostics is ICollection<DiagnosticInfo> known ? known.Count : 0);
        foreach (var diagnostic in diagnostics)
        {
            if (!mapping.TryMap(diagnostic.Location.Span, out var span))
            {
                return null;
            }
            moved.Add(ReferenceEquals(mapping, TreeMapping.Identity) ? diagnostic : diagnostic with { Location = diagnostic.Location with { Span = span } });
        }
        return moved;
    }

    /// <summary>Every diagnostic of the reading moved to its tree's current text; null when one cannot be.</summary>
    public static List<DiagnosticInfo>? Moved(AnnotationReading reading, IEnumerable<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var all = new List<DiagnosticInfo>();
        foreach (var group in diagnostics.GroupBy(diagnostic => diagnostic.Location.FilePath))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tree = reading.Trees.FirstOrDefault(entry => entry.Tree.FilePath == group.Key);
            if (tree is null)
            {
                all.AddRange(group);   // not in a user tree (a path no tree has): reported nowhere, as before
                continue;
            }
            if (In(tree, group) is not { } moved)
            {
                return null;
            }
            all.AddRange(moved);
        }
        return all;
    }
}
