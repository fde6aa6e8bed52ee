using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RegisterMasks.Generator.Model;

namespace RegisterMasks.Generator.Incremental;

/// <summary>
/// Polices the reuse rules (<see cref="AnnotationReading"/>): when <see cref="Enabled"/>, every reading that
/// took anything from an earlier reading of other tree objects is compared with a fresh reading of the
/// same compilation, and any difference throws: what is generated (masks, constants, catalogs, caches)
/// must be equal, and so must every diagnostic, its location moved as the analyzer moves it. The test
/// assembly turns it on for every test it runs (CI included), so every test, not only the ones written
/// to fool the rules, checks them. Off in the package: it reads everything twice. (A flag, not an
/// environment variable: analyzers must not read the environment, RS1035.) It also checks every resolution that took a
/// register file's from <see cref="Resolution.FileResolutionMemo"/> against one that resolved every file.
/// </summary>
internal static class ReadingVerifier
{
    public static volatile bool Enabled;

    public static void Check(AnnotationReading reused, AnnotationReading fresh, CancellationToken cancellationToken)
    {
        var (mine, truth) = (ReadingStore.Resolve(reused.Models, cancellationToken), ReadingStore.Resolve(fresh.Models, cancellationToken));
        Require(mine.Masks.Equals(truth.Masks), "masks", reused, mine.Masks, truth.Masks);
        Require(mine.SetContainers.Equals(truth.SetContainers), "set constants", reused, mine.SetContainers, truth.SetContainers);
        Require(mine.Catalogs.Equals(truth.Catalogs), "catalogs", reused, mine.Catalogs, truth.Catalogs);
        Require(mine.Caches.Equals(truth.Caches), "caches", reused, mine.Caches, truth.Caches);

        var moved = ReadingDiagnostics.Moved(reused, mine.Diagnostics, cancellationToken);
        if (moved is null)
        {
            // A span the edits since its tree was read reach into: the analyzer reads that compilation afresh
            // instead of moving it (RegisterMaskAnalyzer), so there is no moved diagnostic to compare.
            return;
        }
        var (a, b) = (moved.Select(Describe).OrderBy(text => text, StringComparer.Ordinal).ToList(), truth.Diagnostics.Select(Describe).OrderBy(text => text, StringComparer.Ordinal).ToList());
        Require(a.SequenceEqual(b), "diagnostics", reused, a, b);
    }

    /// <summary>A resolution that took register files from the memo (<see cref="FileResolutionMemo"/>) against one that resolved every file.</summary>
    public static void CheckResolution(ResolutionResult memoized, ResolutionResult fresh)
    {
        if (!memoized.Equals(fresh))
        {
            throw new InvalidOperationException(
                "RegisterMasks resolution verification: a resolution that reused register files differs from a fresh one.\n" +
                $"reused:\n  {Dump(memoized)}\nfresh:\n  {Dump(fresh)}");
        }
    }

    private static string Dump(ResolutionResult result) =>
        string.Join("\n  ", result.Masks.Cast<object>().Concat(result.SetContainers).Concat(result.Catalogs).Concat(result.Caches).Concat(result.Diagnostics.Select(Describe)));

    private static string Describe(DiagnosticInfo diagnostic) =>
        $"{diagnostic.Descriptor.Id} {diagnostic.Location.FilePath}{diagnostic.Location.Span} {string.Join("|", diagnostic.Arguments)} {string.Join("|", diagnostic.Properties)}";

    private static void Require<T>(bool same, string what, AnnotationReading reused, IEnumerable<T> mine, IEnumerable<T> truth)
    {
        if (!same)
        {
            var edited = string.Join(", ", reused.Trees.Where(tree => !ReferenceEquals(tree.ReadFrom, tree.Tree)).Select(tree => tree.Tree.FilePath));
            throw new InvalidOperationException(
                $"RegisterMasks reading verification: the reused reading's {what} differ from a fresh reading's (trees read from older versions: {edited}).\n" +
                $"reused:\n  {string.Join("\n  ", mine)}\nfresh:\n  {string.Join("\n  ", truth)}");
        }
    }
}
