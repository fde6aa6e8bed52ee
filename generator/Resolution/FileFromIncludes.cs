using System;
using System.Collections.Generic;
using System.Linq;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Parsing;

namespace RegisterMasks.Generator.Resolution;

/// <summary>
/// A set that names no register and no <c>RegisterFile</c> takes its file from the sets it includes,
/// when they all name sets of one file. Such a set may include another like it, so files are handed
/// on until nothing changes; a set still without one (its includes name sets of no file, or of
/// several) gets RM0006 at its attribute.
/// </summary>
internal static class FileFromIncludes
{
    public static List<SetContainerModel> Assign(List<SetContainerModel> containers, List<DiagnosticInfo> diagnostics)
    {
        var pending = containers.SelectMany(container => container.Sets).Where(set => set.FileFromIncludes && set.FileKey is null && !set.HasErrors).ToList();
        if (pending.Count == 0)
        {
            return containers;
        }

        // Every file a set of each name belongs to, growing as pending sets get theirs.
        var filesByName = containers.SelectMany(container => container.Sets).Where(set => set.FileKey is not null)
            .GroupBy(set => set.Name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => new HashSet<string>(group.Select(set => set.FileKey!), StringComparer.Ordinal), StringComparer.Ordinal);
        var assigned = new Dictionary<RegisterSetModel, string>(ReferenceComparer<RegisterSetModel>.Instance);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var set in pending.Where(set => !assigned.ContainsKey(set)))
            {
                if (SingleFile(set, filesByName) is { } file)
                {
                    assigned[set] = file;
                    if (!filesByName.TryGetValue(set.Name, out var files))
                    {
                        filesByName[set.Name] = files = new HashSet<string>(StringComparer.Ordinal);
                    }
                    files.Add(file);
                    changed = true;
                }
            }
        }

        foreach (var set in pending.Where(set => !assigned.ContainsKey(set)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IncludesNameNoSingleFile, set.FileLocation ?? set.AttributeLocation, set.Name));
        }
        return containers.Select(container => container.Sets.Any(assigned.ContainsKey)
            ? container with { Sets = container.Sets.Select(set => assigned.TryGetValue(set, out var file) ? set with { FileKey = file } : set).ToEquatableArray() }
            : container).ToList();
    }

    /// <summary>The one file that has a set of every name the set includes (All aside), or null.</summary>
    private static string? SingleFile(RegisterSetModel set, Dictionary<string, HashSet<string>> filesByName)
    {
        HashSet<string>? candidates = null;
        foreach (var include in set.Includes.Where(include => include.Name != KnownNames.AllSetName))
        {
            if (!filesByName.TryGetValue(include.Name, out var files))
            {
                return null;
            }
            candidates ??= new HashSet<string>(files, StringComparer.Ordinal);
            candidates.IntersectWith(files);
        }
        return candidates is { Count: 1 } ? candidates.Single() : null;
    }
}
