using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Resolution;

namespace RegisterMasks.Generator.Incremental;

/// <summary>
/// The latest readings (<see cref="AnnotationReading"/>) per assembly name, where the generator and the
/// analyzer find the one to build on; and the resolution of each combined models object, made once.
/// </summary>
/// <remarks>
/// The name only narrows the search: <see cref="AnnotationReading"/> validates every candidate tree by
/// tree before it takes anything, so projects that share a name (or a test's thousand compilations
/// named alike) cost a failed comparison, never a wrong reading. A few readings are kept per name, the
/// newest first, so that projects sharing a name each still find their own. A reading holds its trees
/// (the versions read, and the current ones), so at most <see cref="KeptPerName"/> of them live per name,
/// for the <see cref="KeptNames"/> names asked last (an editor's open projects; a build asks for one).
/// </remarks>
internal static class ReadingStore
{
    private const int KeptPerName = 4;
    private const int KeptNames = 128;

    /// <summary>Per name, its readings newest first; the names in the order last published, newest last.</summary>
    private static readonly List<KeyValuePair<string, AnnotationReading[]>> s_byName = new();
    private static readonly ConditionalWeakTable<AnnotationModels, ResolutionResult> s_resolved = new();

    /// <summary>The readings kept for this name, newest first.</summary>
    public static AnnotationReading[] Candidates(string? assemblyName)
    {
        lock (s_byName)
        {
            var at = IndexOf(assemblyName ?? "");
            return at >= 0 ? s_byName[at].Value : System.Array.Empty<AnnotationReading>();
        }
    }

    /// <summary>Keeps <paramref name="reading"/> as the newest of its name (once: asking again for the same trees gives the same reading).</summary>
    public static void Publish(AnnotationReading reading)
    {
        lock (s_byName)
        {
            var key = reading.AssemblyName ?? "";
            var at = IndexOf(key);
            var kept = at >= 0 ? s_byName[at].Value : System.Array.Empty<AnnotationReading>();
            if (at >= 0)
            {
                s_byName.RemoveAt(at);
            }
            var next = new List<AnnotationReading>(KeptPerName) { reading };
            foreach (var older in kept)
            {
                if (next.Count < KeptPerName && !ReferenceEquals(older, reading))
                {
                    next.Add(older);
                }
            }
            s_byName.Add(new KeyValuePair<string, AnnotationReading[]>(key, next.ToArray()));
            if (s_byName.Count > KeptNames)
            {
                s_byName.RemoveAt(0);
            }
        }
    }

    private static int IndexOf(string name)
    {
        for (var i = s_byName.Count - 1; i >= 0; i--)
        {
            if (s_byName[i].Key == name)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// The resolution of these models, computed once for whoever asks first (the generator's step or the analyzer).
    /// Register files whose resolution reads nothing that changed are taken from <see cref="FileResolutionMemo.Shared"/>.
    /// </summary>
    public static ResolutionResult Resolve(AnnotationModels models, CancellationToken cancellationToken)
    {
        if (models.IsEmpty)
        {
            return ResolutionResult.Empty;   // a project that annotates nothing: not even the resolver's code is loaded
        }
        if (s_resolved.TryGetValue(models, out var known))
        {
            return known;
        }
        var result = SetResolver.Resolve(models, FileResolutionMemo.Shared, out var reused, cancellationToken);
        if (reused && ReadingVerifier.Enabled)
        {
            ReadingVerifier.CheckResolution(result, SetResolver.Resolve(models, cancellationToken));
        }
        lock (s_resolved)
        {
            if (s_resolved.TryGetValue(models, out known))
            {
                return known;
            }
            s_resolved.Add(models, result);
        }
        return result;
    }
}
