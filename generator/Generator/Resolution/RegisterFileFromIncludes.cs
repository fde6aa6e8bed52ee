using System;
using System.Collections.Generic;
using System.Linq;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Resolution;

/// <summary>
/// A set that names no register and no <c>RegisterFile</c> takes its file from the sets it includes,
/// when they all name sets of one file. Such a set may include another like it, so files are handed
/// on until nothing changes. A set still without one is reported for the cause, once:
/// <list type="bullet">
/// <item>an include naming no set of any file: RM0007 there (a renamed set), not a file to add;</item>
/// <item>includes naming sets that all exist but of different files, or of several files each: RM0006;</item>
/// <item>includes going round among such sets: RM0008, as for sets whose file is known;</item>
/// <item>an include naming a set without a file for a reason of its own: nothing more, that set's error says it.</item>
/// </list>
/// </summary>
internal static class RegisterFileFromIncludes
{
    public static List<SetContainerModel> Assign(List<SetContainerModel> containers, IReadOnlyList<RegisterFileModel> files, List<DiagnosticInfo> diagnostics)
    {
        var pending = containers.SelectMany(container => container.Sets).Where(set => set.TakesRegisterFileFromIncludes && set.RegisterFileKey is null && !set.HasErrors).ToList();
        if (pending.Count == 0)
        {
            return containers;
        }

        // Every file a set of each name belongs to, growing as pending sets get theirs.
        var registerFilesBySetName = containers.SelectMany(container => container.Sets).Where(set => set.RegisterFileKey is not null)
            .GroupBy(set => set.Name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => new HashSet<string>(group.Select(set => set.RegisterFileKey!), StringComparer.Ordinal), StringComparer.Ordinal);
        var assigned = new Dictionary<RegisterSetModel, string>(ReferenceComparer<RegisterSetModel>.Instance);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var set in pending.Where(set => !assigned.ContainsKey(set)))
            {
                if (SingleRegisterFile(set, registerFilesBySetName) is { } file)
                {
                    assigned[set] = file;
                    if (!registerFilesBySetName.TryGetValue(set.Name, out var names))
                    {
                        registerFilesBySetName[set.Name] = names = new HashSet<string>(StringComparer.Ordinal);
                    }
                    names.Add(file);
                    changed = true;
                }
            }
        }

        var unassigned = pending.Where(set => !assigned.ContainsKey(set)).ToList();
        if (unassigned.Count > 0)
        {
            var declared = new SetDirectory(containers.SelectMany(container => container.Sets), files);
            foreach (var set in unassigned)
            {
                ReportWhyNoRegisterFile(set, registerFilesBySetName, declared, diagnostics);
            }
            ReportCycles(unassigned, diagnostics);
        }
        return containers.Select(container => container.Sets.Any(assigned.ContainsKey)
            ? container with { Sets = container.Sets.Select(set => assigned.TryGetValue(set, out var file) ? set with { RegisterFileKey = file } : set).ToEquatableArray() }
            : container).ToList();
    }

    /// <summary>The one file that has a set of every name the set includes (All aside), or null.</summary>
    private static string? SingleRegisterFile(RegisterSetModel set, Dictionary<string, HashSet<string>> registerFilesBySetName)
    {
        HashSet<string>? candidates = null;
        foreach (var include in set.Includes.Where(include => include.Name != KnownNames.AllSetName))
        {
            if (!registerFilesBySetName.TryGetValue(include.Name, out var files))
            {
                return null;
            }
            candidates ??= new HashSet<string>(files, StringComparer.Ordinal);
            candidates.IntersectWith(files);
        }
        return candidates is { Count: 1 } ? candidates.Single() : null;
    }

    private static void ReportWhyNoRegisterFile(
        RegisterSetModel set, Dictionary<string, HashSet<string>> registerFilesBySetName, SetDirectory declared, List<DiagnosticInfo> diagnostics)
    {
        var includes = set.Includes.Where(include => include.Name != KnownNames.AllSetName).ToList();
        if (includes.Count == 0)
        {
            // Not reached from the parser (Include named a set), but nothing at all would then decide the file.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SetFileUndetermined, set.RegisterFileLocation ?? set.AttributeLocation, set.Name));
            return;
        }

        // The files every include naming sets with files allows; null when none does.
        var withRegisterFiles = includes.Where(include => registerFilesBySetName.ContainsKey(include.Name)).ToList();
        HashSet<string>? common = null;
        foreach (var include in withRegisterFiles)
        {
            common ??= new HashSet<string>(registerFilesBySetName[include.Name], StringComparer.Ordinal);
            common.IntersectWith(registerFilesBySetName[include.Name]);
        }

        var unknown = includes.Where(include => !declared.Declares(include.Name)).ToList();
        if (unknown.Count > 0)
        {
            // The names to offer are those of the file the other includes decide (or could); with none decided, every set's.
            var registerFileName = common is { Count: 1 } ? declared.RegisterFileName(common.Single()) : null;
            var names = common is { Count: > 0 }
                ? registerFilesBySetName.Where(pair => pair.Value.Overlaps(common)).Select(pair => pair.Key).OrderBy(name => name, StringComparer.Ordinal)
                : declared.Names;
            foreach (var include in unknown)
            {
                diagnostics.Add(SetDirectory.UnknownInclude(set, include, registerFileName, names, declared));
            }
            return;
        }
        if (common is { Count: 0 })
        {
            var which = string.Join(", ", withRegisterFiles.GroupBy(include => include.Name).Select(group =>
                "'" + group.Key + "' of " + string.Join(" or ", registerFilesBySetName[group.Key].Select(declared.RegisterFileName).OrderBy(name => name, StringComparer.Ordinal).Select(name => "'" + name + "'"))));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IncludesNameNoSingleFile, set.RegisterFileLocation ?? set.AttributeLocation, set.Name, which));
            return;
        }
        if (withRegisterFiles.Count == includes.Count)
        {
            var several = string.Join(", ", common!.Select(declared.RegisterFileName).OrderBy(name => name, StringComparer.Ordinal).Select(name => "'" + name + "'"));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IncludesNameSetsOfSeveralFiles, set.RegisterFileLocation ?? set.AttributeLocation, set.Name, several));
        }
        // Otherwise an include names only sets without a file: each has an error of its own, is
        // reported here for its own cause, or goes round a cycle (reported below).
    }

    /// <summary>
    /// Sets without a file that include each other round a cycle: RM0008 at each, as the evaluator
    /// reports cycles of sets with a file. (Such sets can get no file from each other, so the
    /// evaluator never sees them.)
    /// </summary>
    private static void ReportCycles(List<RegisterSetModel> unassigned, List<DiagnosticInfo> diagnostics)
    {
        var byName = unassigned.ToLookup(set => set.Name, StringComparer.Ordinal);
        var done = new HashSet<RegisterSetModel>(ReferenceComparer<RegisterSetModel>.Instance);
        var stack = new List<RegisterSetModel>();
        void Visit(RegisterSetModel set)
        {
            if (!done.Add(set))
            {
                return;
            }
            stack.Add(set);
            foreach (var target in set.Includes.SelectMany(include => byName[include.Name]))
            {
                var position = stack.IndexOf(target);
                if (position >= 0)
                {
                    diagnostics.AddRange(SetEvaluator.CycleDiagnostics(stack.Skip(position).ToList()));
                }
                else
                {
                    Visit(target);
                }
            }
            stack.RemoveAt(stack.Count - 1);
        }
        foreach (var set in unassigned)
        {
            Visit(set);
        }
    }
}
