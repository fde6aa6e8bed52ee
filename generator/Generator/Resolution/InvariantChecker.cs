using System;
using System.Collections.Generic;
using System.Linq;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Resolution;

/// <summary>
/// Checks <c>[RegisterSetsDisjoint]</c> and <c>[RegisterSetSubset]</c> against the computed sets.
/// The register file is the one holding every set named; <c>All</c> is every register of it.
/// </summary>
internal sealed class InvariantChecker
{
    private readonly Dictionary<string, RegisterFileModel> _registerFiles;
    private readonly Dictionary<string, Dictionary<int, string>> _displayNames;
    private readonly Dictionary<RegisterSetModel, RegisterBits> _values;
    private readonly ILookup<string, RegisterSetModel> _setsByName;
    private readonly SetDirectory _declared;
    private readonly List<DiagnosticInfo> _diagnostics;

    public InvariantChecker(
        Dictionary<string, RegisterFileModel> files, Dictionary<string, Dictionary<int, string>> displayNames, IEnumerable<RegisterSetModel> sets,
        SetDirectory declared, Dictionary<RegisterSetModel, RegisterBits> values, List<DiagnosticInfo> diagnostics)
    {
        _registerFiles = files;
        _declared = declared;
        _displayNames = displayNames;
        _values = values;
        _diagnostics = diagnostics;
        _setsByName = sets.Where(set => set.RegisterFileKey is not null).ToLookup(set => set.Name, StringComparer.Ordinal);
    }

    public void Check(SetInvariantModel invariant)
    {
        if (RegisterFileOf(invariant) is not { } file)
        {
            return;
        }
        var values = new List<(string Name, RegisterBits Registers)>();
        foreach (var reference in invariant.Sets)
        {
            if (ValueOf(reference.Name, file) is not { } registers)
            {
                return; // a set with an error of its own, already reported
            }
            values.Add((reference.Name, registers));
        }

        var names = _displayNames[file.Key];
        string Listed(IEnumerable<int> registers) => string.Join(", ", registers.Select(index => names[index]));
        if (invariant.Kind == InvariantKind.Partition)
        {
            CheckPartition(invariant, values, Listed);
            return;
        }
        if (invariant.Kind == InvariantKind.Subset)
        {
            if (values.Count == 2 && values[0].Registers.Except(values[1].Registers).ToList() is { Count: > 0 } extra)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotASubset, invariant.Location, values[0].Name, values[1].Name, Listed(extra)));
            }
            return;
        }
        for (var i = 0; i < values.Count; i++)
        {
            for (var j = i + 1; j < values.Count; j++)
            {
                if (values[i].Registers.Intersect(values[j].Registers).ToList() is { Count: > 0 } shared)
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SetsOverlap, invariant.Location, values[i].Name, values[j].Name, Listed(shared)));
                }
            }
        }
    }

    /// <summary>The parts must hold the whole exactly: no register of it missing, none held twice, none from outside it.</summary>
    private void CheckPartition(SetInvariantModel invariant, List<(string Name, RegisterBits Registers)> values, Func<IEnumerable<int>, string> listed)
    {
        if (values.Count < 2)
        {
            return; // a whole and no parts declares nothing
        }
        var (whole, parts) = (values[0], values.Skip(1).ToList());
        var partNames = string.Join(", ", parts.Select(part => "'" + part.Name + "'"));
        var held = new HashSet<int>();
        var twice = new SortedSet<int>();
        foreach (var part in parts)
        {
            foreach (var index in part.Registers)
            {
                if (!held.Add(index))
                {
                    twice.Add(index);
                }
            }
        }
        var missing = whole.Registers.Where(index => !held.Contains(index)).ToList();
        var outside = held.Where(index => !whole.Registers.Contains(index)).OrderBy(index => index).ToList();
        if (missing.Count > 0)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PartitionMisses, invariant.Location, partNames, whole.Name, listed(missing)));
        }
        if (twice.Count > 0)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PartitionOverlaps, invariant.Location, partNames, whole.Name, listed(twice)));
        }
        if (outside.Count > 0)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PartitionExceeds, invariant.Location, partNames, whole.Name, listed(outside)));
        }
    }

    /// <summary>The one usable register file holding a set of every name given; null (reported, here or at a set with an error, or a file with errors) otherwise.</summary>
    private RegisterFileModel? RegisterFileOf(SetInvariantModel invariant)
    {
        HashSet<string>? candidates = null;
        var unknown = false;
        foreach (var reference in invariant.Sets.Where(reference => reference.Name != KnownNames.AllSetName))
        {
            var files = _setsByName[reference.Name].Select(set => set.RegisterFileKey!).ToList();
            if (files.Count == 0)
            {
                // A set of that name without a file has an error of its own, reported where it is declared.
                if (!_declared.Declares(reference.Name))
                {
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvariantNamesNoSet, reference.Location, invariant.AttributeName, reference.Name));
                }
                unknown = true;
                continue;
            }
            candidates ??= new HashSet<string>(files, StringComparer.Ordinal);
            candidates.IntersectWith(files);
        }
        if (unknown)
        {
            return null;
        }

        var problem = candidates switch
        {
            null => DiagnosticInfo.Create(DiagnosticDescriptors.InvariantFileUndetermined, invariant.Location, invariant.AttributeName),
            { Count: 0 } => DiagnosticInfo.Create(DiagnosticDescriptors.InvariantMixesFiles, invariant.Location, invariant.AttributeName),
            { Count: > 1 } => DiagnosticInfo.Create(DiagnosticDescriptors.InvariantFileAmbiguous, invariant.Location, invariant.AttributeName,
                string.Join(", ", candidates.Select(SymbolNames.WithoutGlobalPrefix).OrderBy(name => name, StringComparer.Ordinal))),
            _ => null,
        };
        if (problem is not null)
        {
            _diagnostics.Add(problem);
            return null;
        }
        return _registerFiles.TryGetValue(candidates!.Single(), out var file) ? file : null;
    }

    private RegisterBits? ValueOf(string name, RegisterFileModel file)
    {
        if (name == KnownNames.AllSetName)
        {
            return RegisterBits.From(file.Registers.Select(member => (int)member.Index), file.Width);
        }
        var sets = _setsByName[name].Where(set => set.RegisterFileKey == file.Key).ToList();
        return sets.Count == 1 && _values.TryGetValue(sets[0], out var registers) ? registers : null;
    }
}
