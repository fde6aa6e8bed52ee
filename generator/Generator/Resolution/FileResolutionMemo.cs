using System;
using System.Collections.Generic;

namespace RegisterMasks.Generator.Resolution;

/// <summary>
/// Recent resolutions of register files, so that an edit to one file's sets resolves that file alone.
/// </summary>
/// <remarks>
/// Sound by construction: a resolution is taken only for inputs equal to the ones it was made from, and
/// <see cref="FileResolution.Of"/> reads nothing but its inputs (its one look outside the file goes
/// through answers the inputs hold, and throws on any other). Equal inputs from another compilation or
/// another project give an equal resolution, so the memo is shared by the whole process and needs no
/// project's identity. The register file's key only narrows the search. Kept per key: the two latest
/// (an editor's edit and its undo); at most <see cref="KeptKeys"/> keys, after which it starts over.
/// A resolution holds models only (strings and paths, never a tree or a compilation).
/// </remarks>
internal sealed class FileResolutionMemo
{
    private const int KeptPerKey = 2;
    private const int KeptKeys = 4096;

    private readonly Dictionary<string, FileResolution[]> _byKey = new(StringComparer.Ordinal);

    /// <summary>The one the generator and the analyzer share (<see cref="Incremental.ReadingStore.Resolve"/>).</summary>
    public static FileResolutionMemo Shared { get; } = new();

    /// <summary>A resolution made from inputs equal to <paramref name="inputs"/>, or null.</summary>
    public FileResolution? Find(FileResolutionInputs inputs)
    {
        FileResolution[]? kept;
        lock (_byKey)
        {
            _byKey.TryGetValue(inputs.File.Key, out kept);
        }
        if (kept is null)
        {
            return null;
        }
        foreach (var resolution in kept)
        {
            if (resolution.Inputs.Equals(inputs))   // a record: the same object compares equal at once
            {
                return resolution;
            }
        }
        return null;
    }

    /// <summary>Keeps <paramref name="resolution"/> as the newest of its file's key.</summary>
    public void Keep(FileResolution resolution)
    {
        var key = resolution.Inputs.File.Key;
        lock (_byKey)
        {
            if (!_byKey.TryGetValue(key, out var kept))
            {
                if (_byKey.Count >= KeptKeys)
                {
                    _byKey.Clear();
                }
                _byKey[key] = new[] { resolution };
                return;
            }
            if (kept[0].Inputs.Equals(resolution.Inputs))
            {
                return;   // the generator and the analyzer resolved the same models at once: keep the other version too
            }
            var next = new FileResolution[Math.Min(KeptPerKey, kept.Length + 1)];
            next[0] = resolution;
            Array.Copy(kept, 0, next, 1, next.Length - 1);
            _byKey[key] = next;
        }
    }
}
