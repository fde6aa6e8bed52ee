using System;
using System.Collections.Generic;
using System.Linq;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Model;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Resolution;

/// <summary>
/// Gives each set over a register class (<see cref="RegisterSetModel.Class"/>) its class: the one its holder
/// bears, else the one holding every member it names, by member and not by value (<c>Xmm6</c> is the vector
/// class's although its value is <c>Rsi</c>'s). Then its registers become that class's bits, and its range
/// runs over the class's bits in order. Only the resolver can do this: it sees every class.
/// </summary>
internal static class RegisterClassSets
{
    public static List<SetContainerModel> Assign(List<SetContainerModel> containers, IReadOnlyList<RegisterFileModel> files, List<DiagnosticInfo> diagnostics)
    {
        var classes = files.Where(file => file.IsClass).ToList();
        if (classes.Count > 0)
        {
            containers = containers.Select(container => container.Sets.Any(set => set.MembersNamedForFile is not null)
                ? container with { Sets = container.Sets.Select(set => ClaimedByFileAndClass(set, classes, diagnostics)).ToEquatableArray() }
                : container).ToList();
        }
        if (!containers.Any(container => container.Sets.Any(set => set.Class is not null)))
        {
            return containers;
        }
        return containers.Select(container => container.Sets.Any(set => set.Class is not null)
            ? container with { Sets = container.Sets.Select(set => set.Class is { } reading && !set.HasErrors ? Assign(set, reading, classes, diagnostics) : set).ToEquatableArray() }
            : container).ToList();
    }

    private static RegisterSetModel Assign(RegisterSetModel set, ClassSetReading reading, List<RegisterFileModel> classes, List<DiagnosticInfo> diagnostics)
    {
        var candidates = classes.Where(file => (reading.Holder is null || file.ClassHolder == reading.Holder)
            && (reading.EnumFullName is null || file.EnumFullName == reading.EnumFullName)).ToList();
        if (candidates.Count == 0 && reading.Holder is not null && !reading.HolderNamed && reading.EnumFullName is not null)
        {
            // Declared on a holder, over an enum none of its classes has: any class of that enum may hold it.
            candidates = classes.Where(file => file.EnumFullName == reading.EnumFullName).ToList();
        }
        if (candidates.Count == 0)
        {
            if (reading.EnumFullName is not null && reading.Holder is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EnumWithoutRegisterFile,
                    reading.FirstArgumentLocation ?? set.AttributeLocation, set.Name, reading.EnumDisplayName, reading.FirstArgument));
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SetInNoClass, set.RegisterFileLocation ?? set.AttributeLocation,
                    set.Name, reading.EnumDisplayName, Names(classes.Where(file => file.ClassHolder == reading.Holder))));
            }
            return set with { HasErrors = true };
        }
        if (candidates.Any(file => !file.IsUsable))
        {
            return set with { HasErrors = true }; // a class with errors of its own: reported there
        }

        var named = set.Listed.Concat(set.Excluded).Concat(new[] { reading.RangeFrom, reading.RangeTo }.OfType<RegisterReference>()).ToList();
        var holding = candidates.Where(file => named.All(register => BitOf(file, register.Name) is not null)).ToList();
        if (holding.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SetClassAmbiguous, set.RegisterFileLocation ?? set.AttributeLocation, set.Name, Names(holding)));
            return set with { HasErrors = true };
        }
        if (holding.Count == 0)
        {
            if (candidates.Count == 1)
            {
                foreach (var register in named.Where(register => BitOf(candidates[0], register.Name) is null))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotInClass, register.Location, set.Name, register.Name, candidates[0].MaskName));
                }
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SetInNoClass, set.RegisterFileLocation ?? set.AttributeLocation,
                    set.Name, reading.EnumDisplayName, Names(candidates)));
            }
            return set with { HasErrors = true };
        }

        var file = holding[0];
        var listed = new List<RegisterReference>();
        if (reading.RangeFrom is { } from && reading.RangeTo is { } to)
        {
            int first = BitOf(file, from.Name)!.Value, last = BitOf(file, to.Name)!.Value;
            if (first > last)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BackwardClassRange, from.Location, set.Name, from.Name, to.Name, file.MaskName, first, last));
                return set with { HasErrors = true };
            }
            var names = file.Registers.Where(member => !member.IsAlias).ToDictionary(member => (int)member.Index, member => member.Name);
            for (var bit = first; bit <= last; bit++)
            {
                listed.Add(new RegisterReference(names[bit], bit, from.Location));
            }
        }
        var rangeLength = listed.Count;
        listed.AddRange(set.Listed.Select(register => register with { Index = BitOf(file, register.Name)!.Value }));
        return set with
        {
            RegisterFileKey = file.Key,
            Listed = listed.ToEquatableArray(),
            Excluded = set.Excluded.Select(register => register with { Index = BitOf(file, register.Name)!.Value }).ToEquatableArray(),
            RangeLength = rangeLength,
        };
    }

    /// <summary>
    /// A set that took its register file from the enum of the members it names, where a register class of
    /// that enum holds every one of them too: both could be meant, so RM0006 asks for <c>RegisterFile</c>
    /// (naming the enum or a holder) and the set is left out, as SPEC's rule for several candidates says.
    /// </summary>
    private static RegisterSetModel ClaimedByFileAndClass(RegisterSetModel set, List<RegisterFileModel> classes, List<DiagnosticInfo> diagnostics)
    {
        if (set.MembersNamedForFile is not { Count: > 0 } named || set.HasErrors || set.RegisterFileKey is not { } fileKey)
        {
            return set;
        }
        var holding = classes.Where(file => file.EnumFullName == fileKey && named.All(name => BitOf(file, name) is not null)).ToList();
        if (holding.Count == 0)
        {
            return set;
        }
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SetFileOrClassAmbiguous, set.RegisterFileLocation ?? set.AttributeLocation,
            set.Name, SymbolNames.WithoutGlobalPrefix(fileKey), Names(holding)));
        return set with { HasErrors = true };
    }

    /// <summary>The member's bit in the class; null when the class does not hold it.</summary>
    private static int? BitOf(RegisterFileModel file, string name) =>
        file.Registers.FirstOrDefault(member => member.Name == name) is { } member ? (int)member.Index : null;

    private static string Names(IEnumerable<RegisterFileModel> files) =>
        string.Join(", ", files.Select(file => file.MaskName).OrderBy(name => name, StringComparer.Ordinal));
}
