using System;
using System.Collections.Generic;
using System.Linq;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Resolution;

/// <summary>One set of a register file, with what its file's resolution reads of the type declaring it.</summary>
/// <param name="Owner">The declaring type as messages name it (RM0009 lists the types of duplicate names; the catalog names it).</param>
/// <param name="OwnerIsPartial">Whether constants can be added to that type (only those sets are catalogued).</param>
internal sealed record FileSet(RegisterSetModel Set, string Owner, bool OwnerIsPartial);

/// <summary>
/// A name that an include of the file's sets uses and that none of the file's sets has, with what the
/// project's other sets say about it (the evaluator's only look outside the file: to word RM0007).
/// </summary>
/// <param name="WithoutRegisterFile">A set of this name has no file (its own error is reported where it is declared).</param>
/// <param name="RegisterFiles">The other files with a set of this name, as messages name them, sorted.</param>
internal sealed record OutsideName(string Name, bool WithoutRegisterFile, EquatableArray<string> RegisterFiles);

/// <summary>
/// Everything resolving one register file's sets reads: the file, its sets in the project's order with their
/// declaring types, and the answers about names outside the file. <see cref="FileResolution.Of"/> reads
/// nothing else, so equal inputs give an equal resolution, whichever compilation or project they came from.
/// </summary>
internal sealed record FileResolutionInputs(RegisterFileModel File, EquatableArray<FileSet> Sets, EquatableArray<OutsideName> Outside)
{
    /// <summary>The inputs of <paramref name="file"/>'s resolution; <paramref name="everySet"/> answers for the names outside it.</summary>
    public static FileResolutionInputs Of(RegisterFileModel file, IReadOnlyList<FileSet> sets, SetDirectory everySet)
    {
        var own = new HashSet<string>(sets.Select(entry => entry.Set.Name), StringComparer.Ordinal);
        var outside = new List<OutsideName>();
        foreach (var include in sets.SelectMany(entry => entry.Set.Includes))
        {
            if (include.Name != KnownNames.AllSetName && own.Add(include.Name))
            {
                outside.Add(new OutsideName(
                    include.Name,
                    everySet.HasSetWithoutRegisterFile(include.Name),
                    everySet.RegisterFileNamesOf(include.Name).ToEquatableArray()));
            }
        }
        return new FileResolutionInputs(file, sets.ToEquatableArray(), outside.ToEquatableArray());
    }
}

/// <summary>
/// One register file's sets resolved: each set's value and order, the constant and catalog entry it
/// generates, the file's mask, and the diagnostics of its sets (unknown includes, cycles, duplicates,
/// redundant and empty sets). A set only ever includes sets of its own file, so this is decided by the
/// file alone (<see cref="FileResolutionInputs"/>); what crosses files (a name two files' sets give
/// one type, invariants, hint names) is the resolver's, after.
/// </summary>
internal sealed class FileResolution
{
    private FileResolution(FileResolutionInputs inputs)
    {
        Inputs = inputs;
        var count = inputs.Sets.Count;
        Values = new RegisterBits?[count];
        Orders = new IReadOnlyList<int>?[count];
        Constants = new SetConstantModel?[count];
        Entries = new CatalogEntry?[count];
        DisplayNames = DisplayNamesOf(inputs.File);
        DisplayBits = DisplayNames.ToDictionary(pair => pair.Key, pair => new MaskBit(pair.Value, pair.Key));
    }

    public FileResolutionInputs Inputs { get; }

    /// <summary>The name each index shows: the last of <see cref="SetResolver.InTextOrder"/>, as <c>Enum.ToString()</c> picks it on the mask.</summary>
    public Dictionary<int, string> DisplayNames { get; }

    /// <summary>The same as bits, made once: the mask and every constant and catalog entry of the file share them.</summary>
    public Dictionary<int, MaskBit> DisplayBits { get; }

    /// <summary>Per set (by its position in <see cref="FileResolutionInputs.Sets"/>), its registers; null for a set with an error.</summary>
    public RegisterBits?[] Values { get; }

    /// <summary>Per set, an ordered set's order; null when unordered or without a value.</summary>
    public IReadOnlyList<int>?[] Orders { get; }

    /// <summary>Per set with a value, its constant (its order included).</summary>
    public SetConstantModel?[] Constants { get; }

    /// <summary>Per set with a value on a partial type, its catalog entry.</summary>
    public CatalogEntry?[] Entries { get; }

    /// <summary>The catalog's entries, sorted by name, when no set of the file loses its constant to another file's.</summary>
    public EquatableArray<CatalogEntry> Catalog { get; private set; }

    /// <summary>The file's mask, its hint name left for the resolver to give.</summary>
    public MaskModel Mask { get; private set; } = null!;

    public EquatableArray<DiagnosticInfo> Diagnostics { get; private set; }

    public static FileResolution Of(FileResolutionInputs inputs)
    {
        var resolution = new FileResolution(inputs);
        var file = inputs.File;
        var sets = inputs.Sets.Select(entry => entry.Set).ToList();
        var diagnostics = new List<DiagnosticInfo>();
        var evaluator = new SetEvaluator(file, sets, new Outside(inputs.Outside), diagnostics);
        ReportDuplicateNames(inputs, diagnostics);
        for (var i = 0; i < sets.Count; i++)
        {
            resolution.Values[i] = evaluator.Evaluate(sets[i]);
        }
        for (var i = 0; i < sets.Count; i++)
        {
            if (sets[i].IsOrdered && resolution.Values[i] is not null)
            {
                resolution.Orders[i] = evaluator.Order(sets[i]);
            }
        }

        for (var i = 0; i < sets.Count; i++)
        {
            if (resolution.Values[i] is not { } value)
            {
                continue;
            }
            var constant = SetConstant(sets[i], file, resolution.DisplayBits, value, resolution.Orders[i]);
            resolution.Constants[i] = constant;
            if (inputs.Sets[i].OwnerIsPartial)
            {
                resolution.Entries[i] = new CatalogEntry(sets[i].Name, inputs.Sets[i].Owner, constant.Bits);
            }
        }
        resolution.Catalog = SortedEntries(resolution.Entries);
        resolution.Mask = MaskOf(file, resolution.DisplayBits);
        resolution.Diagnostics = diagnostics.ToEquatableArray();
        return resolution;
    }

    /// <summary>The catalog's entries sorted by name, leaving out the sets <paramref name="keep"/> refuses (by position).</summary>
    public static EquatableArray<CatalogEntry> SortedEntries(IReadOnlyList<CatalogEntry?> entries, Func<int, bool>? keep = null) =>
        Enumerable.Range(0, entries.Count)
            .Where(i => entries[i] is not null && (keep is null || keep(i)))
            .Select(i => entries[i]!)
            .OrderBy(entry => entry.Name, StringComparer.Ordinal)
            .ToEquatableArray();

    private static void ReportDuplicateNames(FileResolutionInputs inputs, List<DiagnosticInfo> diagnostics)
    {
        foreach (var group in inputs.Sets.Where(entry => entry.Set.Name.Length > 0).GroupBy(entry => entry.Set.Name).Where(group => group.Count() > 1))
        {
            var owners = string.Join(", ", group.Select(entry => entry.Owner).Distinct());
            foreach (var entry in group)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateSetName, entry.Set.NameLocation, entry.Set.Name, group.Count(), inputs.File.EnumName, owners));
            }
        }
    }

    private static SetConstantModel SetConstant(
        RegisterSetModel set, RegisterFileModel file, Dictionary<int, MaskBit> bits, RegisterBits value, IReadOnlyList<int>? order) =>
        new(
            Name: set.Name,
            MaskFullName: SetResolver.MaskFullName(file),
            IsPublic: file.IsPublic,
            Width: file.Width,
            Bits: value.Select(index => bits[index]).ToEquatableArray(),
            Summary: set.Summary)
        {
            EnumFullName = file.EnumFullName,
            Order = order?.Select(index => bits[index]).ToEquatableArray(),
            Accessibility = set.Accessibility,
        };

    private static MaskModel MaskOf(RegisterFileModel file, Dictionary<int, MaskBit> bits) =>
        new(
            HintName: "",
            Namespace: file.Namespace,
            MaskName: file.MaskName,
            EnumFullName: file.EnumFullName,
            IsPublic: file.IsPublic,
            Width: file.Width,
            Members: SetResolver.InTextOrder(file).Select(member => new MaskBit(member.Name, (int)member.Index)).ToEquatableArray(),
            Bits: bits.OrderBy(pair => pair.Key).Select(pair => pair.Value).ToEquatableArray())
        {
            MayHaveJsonConverter = !file.JsonConverterTaken,
            MayHaveOps = !file.OpsTaken,
            RegisterFileKey = file.Key,
            ToMaskName = file.ToMaskName,
            IsClass = file.IsClass,
            IsConsecutive = file.IsConsecutive,
            CoversEveryValue = file.CoversEveryValue,
        };

    private static Dictionary<int, string> DisplayNamesOf(RegisterFileModel file)
    {
        var names = new Dictionary<int, string>();
        foreach (var member in SetResolver.InTextOrder(file))
        {
            names[(int)member.Index] = member.Name;
        }
        return names;
    }

    /// <summary>
    /// The evaluator's view of the other files: only the answers the inputs hold. A question they do not
    /// answer means <see cref="FileResolutionInputs.Of"/> missed something the evaluation reads, which
    /// would make equal inputs an unsound reason to reuse; it throws rather than guess.
    /// </summary>
    private sealed class Outside : ISetsElsewhere
    {
        private readonly Dictionary<string, OutsideName> _names;

        public Outside(EquatableArray<OutsideName> names) => _names = names.ToDictionary(name => name.Name, StringComparer.Ordinal);

        public bool HasSetWithoutRegisterFile(string name) => Answer(name).WithoutRegisterFile;

        public List<string> RegisterFileNamesOf(string name) => Answer(name).RegisterFiles.ToList();

        private OutsideName Answer(string name) =>
            _names.TryGetValue(name, out var answer)
                ? answer
                : throw new InvalidOperationException($"RegisterMasks: the resolution of a register file asked about '{name}', which its inputs do not answer.");
    }
}
