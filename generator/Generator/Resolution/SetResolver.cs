using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Resolution;

/// <summary>
/// Joins every register file with every set. Sets include each other across declaring types, but only
/// within one register file, so each file's values, duplicates and cycles are decided with that file's
/// sets in hand (<see cref="FileResolution"/>, kept by <see cref="FileResolutionMemo"/>); what crosses
/// files (a type's members from two files, invariants, hint names) is decided here, after. Produces the
/// models to emit, in an order that depends on names, never on declaration or tree order.
/// </summary>
internal static class SetResolver
{
    public static ResolutionResult Resolve(AnnotationModels models, CancellationToken cancellationToken) =>
        Resolve(models.RegisterFiles, models.SetContainers, models.Invariants, models.Caches, memo: null, out _, cancellationToken);

    /// <param name="memo">Where to find (and keep) register files resolved before (<see cref="FileResolutionMemo"/>); null to resolve every one.</param>
    /// <param name="reused">Whether any file's resolution was taken from <paramref name="memo"/>.</param>
    public static ResolutionResult Resolve(AnnotationModels models, FileResolutionMemo? memo, out bool reused, CancellationToken cancellationToken) =>
        Resolve(models.RegisterFiles, models.SetContainers, models.Invariants, models.Caches, memo, out reused, cancellationToken);

    public static ResolutionResult Resolve(
        IReadOnlyList<RegisterFileModel> files, IReadOnlyList<SetContainerModel> containers, CancellationToken cancellationToken) =>
        Resolve(files, containers, Array.Empty<SetInvariantsModel>(), Array.Empty<RegisterCacheModel>(), memo: null, out _, cancellationToken);

    public static ResolutionResult Resolve(
        IReadOnlyList<RegisterFileModel> files, IReadOnlyList<SetContainerModel> containers,
        IReadOnlyList<SetInvariantsModel> invariants, IReadOnlyList<RegisterCacheModel> caches, FileResolutionMemo? memo, out bool reused,
        CancellationToken cancellationToken)
    {
        reused = false;
        var diagnostics = new List<DiagnosticInfo>();
        var owners = new List<RegisterFileModel>();
        var usableRegisterFiles = SelectUsableRegisterFiles(files, diagnostics, owners);
        // Classes by the masks they own: a second class of the same holder and mask name is reported and left out, so a set is never given its bits.
        var merged = RegisterFileFromIncludes.Assign(RegisterClassSets.Assign(MergePartialDeclarations(containers, diagnostics), owners, diagnostics), files, diagnostics);
        var declared = new SetDirectory(merged.SelectMany(container => container.Sets), files);

        // Each register file's sets resolved on their own (a set includes only sets of its file): from the memo when
        // nothing the file's resolution reads changed, so that an edit to one file's sets resolves that file alone.
        var byFile = new Dictionary<string, (FileResolution Resolution, IReadOnlyList<FileSet> Sets)>(StringComparer.Ordinal);
        var values = new Dictionary<RegisterSetModel, RegisterBits>(ReferenceComparer<RegisterSetModel>.Instance);
        var orders = new Dictionary<RegisterSetModel, IReadOnlyList<int>>(ReferenceComparer<RegisterSetModel>.Instance);
        var constants = new Dictionary<RegisterSetModel, SetConstantModel>(ReferenceComparer<RegisterSetModel>.Instance);
        FileResolution ResolveFile(RegisterFileModel file, IReadOnlyList<FileSet> sets, ref bool reusedAny)
        {
            var inputs = FileResolutionInputs.Of(file, sets, declared);
            if (memo?.Find(inputs) is { } known)
            {
                reusedAny = true;
                return known;
            }
            var resolution = FileResolution.Of(inputs);
            memo?.Keep(resolution);
            return resolution;
        }
        var bySetFile = merged.SelectMany(container => container.Sets.Select(set => new FileSet(set, container.DisplayName, container.IsPartial)))
            .GroupBy(entry => entry.Set.RegisterFileKey);
        foreach (var registerFileSets in bySetFile)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (registerFileSets.Key is null || !usableRegisterFiles.TryGetValue(registerFileSets.Key, out var file))
            {
                continue; // an undetermined file (RM0006) or a file with errors of its own: nothing to compute
            }
            var sets = registerFileSets.ToList();
            var resolution = ResolveFile(file, sets, ref reused);
            byFile.Add(file.Key, (resolution, sets));
            diagnostics.AddRange(resolution.Diagnostics);
            for (var i = 0; i < sets.Count; i++)
            {
                if (resolution.Values[i] is { } value)
                {
                    values.Add(sets[i].Set, value);
                    constants.Add(sets[i].Set, resolution.Constants[i]!);
                }
                if (resolution.Orders[i] is { } order)
                {
                    orders.Add(sets[i].Set, order);
                }
            }
        }
        foreach (var file in usableRegisterFiles.Values.Where(file => !byFile.ContainsKey(file.Key)))
        {
            byFile.Add(file.Key, (ResolveFile(file, Array.Empty<FileSet>(), ref reused), Array.Empty<FileSet>()));   // no sets: its mask and an empty catalog
        }

        var lostConstants = ReportConstantCollisions(merged, values, diagnostics);
        ReportOrderCollisions(merged, orders, diagnostics);

        var displayNames = byFile.ToDictionary(pair => pair.Key, pair => pair.Value.Resolution.DisplayNames, StringComparer.Ordinal);
        var checker = new InvariantChecker(usableRegisterFiles, displayNames, merged.SelectMany(container => container.Sets), declared, values, diagnostics);
        foreach (var declaration in invariants)
        {
            diagnostics.AddRange(declaration.Diagnostics);
            foreach (var invariant in declaration.Invariants)
            {
                checker.Check(invariant);
            }
        }

        // Roslyn compares hint names without case: two names differing only in case must not meet.
        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // One file per namespace for its set constants and catalogs (see RegisterMaskGenerator), named when first met.
        var namespaceFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        string NamespaceFile(string ns)
        {
            if (!namespaceFiles.TryGetValue(ns, out var hintName))
            {
                hintName = UniqueHintName(ns.Length == 0 ? "RegisterSets" : ns + ".RegisterSets", "", hintNames);
                namespaceFiles.Add(ns, hintName);
            }
            return hintName;
        }
        // A constant whose order name a set of its type took (RM0010) is written without its order.
        SetConstantModel ConstantOf(RegisterSetModel set) =>
            constants[set] is { Order: not null } constant && !orders.ContainsKey(set) ? constant with { Order = null } : constants[set];
        var usableInKeyOrder = usableRegisterFiles.Values.OrderBy(file => file.Key, StringComparer.Ordinal).ToList();
        return new ResolutionResult(
            Masks: usableInKeyOrder.Select(file => MaskOutput(file, byFile[file.Key].Resolution, hintNames)).ToEquatableArray(),
            SetContainers: SetOutputs(merged, values, ConstantOf, NamespaceFile).ToEquatableArray(),
            Catalogs: usableInKeyOrder.Select(file => Catalog(file, byFile[file.Key], lostConstants, NamespaceFile)).ToEquatableArray(),
            Caches: CacheOutputs(caches, usableRegisterFiles, diagnostics, hintNames).ToEquatableArray(),
            Diagnostics: diagnostics
                .Distinct()
                .OrderBy(diagnostic => diagnostic.Location?.FilePath, StringComparer.Ordinal)
                .ThenBy(diagnostic => diagnostic.Location?.Span.Start)
                .ThenBy(diagnostic => diagnostic.Id, StringComparer.Ordinal)
                .ThenBy(diagnostic => string.Join("\n", diagnostic.Arguments), StringComparer.Ordinal)
                .ToEquatableArray());
    }

    /// <summary>Files that can have a mask, whose mask name is free in their namespace; the first by enum name keeps a contested mask name.</summary>
    /// <param name="owners">Filled with every file and class that owns its mask's name (usable or not), in the order decided here.</param>
    private static Dictionary<string, RegisterFileModel> SelectUsableRegisterFiles(IReadOnlyList<RegisterFileModel> files, List<DiagnosticInfo> diagnostics, List<RegisterFileModel> owners)
    {
        var usable = new Dictionary<string, RegisterFileModel>(StringComparer.Ordinal);
        var maskOwners = new Dictionary<string, RegisterFileModel>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(file => file.EnumFullName, StringComparer.Ordinal).ThenBy(file => file.Key, StringComparer.Ordinal))
        {
            diagnostics.AddRange(file.Diagnostics);
            var maskFullName = file.Namespace + "." + file.MaskName;
            if (maskOwners.TryGetValue(maskFullName, out var owner))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.MaskNameTakenByFile, file.MaskNameLocation, file.MaskName, file.EnumName, owner.EnumName));
                continue;
            }
            maskOwners.Add(maskFullName, file);
            owners.Add(file);
            if (file.IsUsable)
            {
                usable[file.Key] = file;
            }
        }
        return usable;
    }

    /// <summary>A type declared in several partial parts is one container: one generated source, all its sets.</summary>
    private static List<SetContainerModel> MergePartialDeclarations(IReadOnlyList<SetContainerModel> containers, List<DiagnosticInfo> diagnostics)
    {
        var merged = new List<SetContainerModel>();
        foreach (var parts in containers.GroupBy(container => container.FullName).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            var first = parts.First();
            var container = first with
            {
                Sets = parts.SelectMany(part => part.Sets).OrderBy(set => set.AttributeLocation?.FilePath, StringComparer.Ordinal)
                    .ThenBy(set => set.AttributeLocation?.Span.Start).ToEquatableArray(),
                IsPartial = parts.All(part => part.IsPartial),
                Diagnostics = parts.SelectMany(part => part.Diagnostics).Distinct().ToEquatableArray(),
            };
            diagnostics.AddRange(container.Diagnostics);
            merged.Add(container);
        }
        return merged;
    }

    /// <summary>An ordered set's <c>{NAME}_ORDER</c> would be declared twice beside a set of that name on its type: the set keeps its constant, not its order.</summary>
    private static void ReportOrderCollisions(
        List<SetContainerModel> containers, Dictionary<RegisterSetModel, IReadOnlyList<int>> orders, List<DiagnosticInfo> diagnostics)
    {
        foreach (var container in containers)
        {
            var names = new HashSet<string>(container.Sets.Select(set => set.Name), StringComparer.Ordinal);
            foreach (var set in container.Sets.Where(set => orders.ContainsKey(set) && names.Contains(SymbolNames.OrderName(set.Name))))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OrderNameTakenBySet, set.NameLocation, set.Name, SymbolNames.OrderName(set.Name)));
                orders.Remove(set);
            }
        }
    }

    /// <summary>
    /// Set names are unique per register file, but constants share their type: sets of two files
    /// with one name on one type would declare a member twice. Neither gets a constant.
    /// </summary>
    /// <returns>The sets that lost their value so.</returns>
    private static HashSet<RegisterSetModel> ReportConstantCollisions(
        List<SetContainerModel> containers, Dictionary<RegisterSetModel, RegisterBits> values, List<DiagnosticInfo> diagnostics)
    {
        var lost = new HashSet<RegisterSetModel>(ReferenceComparer<RegisterSetModel>.Instance);
        foreach (var container in containers)
        {
            if (!SpansSeveralFiles(container))
            {
                continue; // the usual case, decided without grouping by name
            }
            var colliding = container.Sets.Where(values.ContainsKey).GroupBy(set => set.Name)
                .Where(group => group.Select(set => set.RegisterFileKey).Distinct().Count() > 1);
            foreach (var group in colliding)
            {
                var files = string.Join(", ", group.Select(set => SymbolNames.WithoutGlobalPrefix(set.RegisterFileKey!).Replace('#', '.')).Distinct().OrderBy(key => key, StringComparer.Ordinal));
                foreach (var set in group)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SetNameOnTwoFiles, set.NameLocation, set.Name, container.DisplayName, files));
                    values.Remove(set);
                    lost.Add(set);
                }
            }
        }
        return lost;
    }

    private static bool SpansSeveralFiles(SetContainerModel container)
    {
        string? first = null;
        foreach (var set in container.Sets)
        {
            if (set.RegisterFileKey is { } key && (first ??= key) != key)
            {
                return true;
            }
        }
        return false;
    }

    private static MaskModel MaskOutput(RegisterFileModel file, FileResolution resolution, HashSet<string> hintNames) =>
        resolution.Mask with { HintName = UniqueHintName(file.Namespace.Length == 0 ? file.MaskName : file.Namespace + "." + file.MaskName, "", hintNames) };

    private static IEnumerable<SetContainerOutput> SetOutputs(
        List<SetContainerModel> containers, Dictionary<RegisterSetModel, RegisterBits> values, Func<RegisterSetModel, SetConstantModel> constantOf,
        Func<string, string> namespaceFile)
    {
        foreach (var container in containers)
        {
            if (!container.IsPartial)
            {
                continue; // constants cannot be added to a type that is not partial
            }
            var constants = container.Sets
                .Where(values.ContainsKey)
                .OrderBy(set => set.Name, StringComparer.Ordinal)
                .Select(constantOf)
                .ToEquatableArray();
            if (constants.Count == 0)
            {
                continue;
            }
            yield return new SetContainerOutput(namespaceFile(container.Namespace), container.Namespace, container.Containers, constants);
        }
    }

    /// <summary>The file's sets whose constants are generated (so a partial type bears them), sorted by name.</summary>
    /// <param name="resolved">The file's resolution, and its sets in this resolution (the memo's inputs may hold equal sets, never these objects).</param>
    /// <param name="lost">Sets that lost their constant to a set of another file on their type: not catalogued.</param>
    private static CatalogModel Catalog(
        RegisterFileModel file, (FileResolution Resolution, IReadOnlyList<FileSet> Sets) resolved, HashSet<RegisterSetModel> lost, Func<string, string> namespaceFile)
    {
        var (resolution, sets) = resolved;
        var entries = lost.Count == 0 ? resolution.Catalog : FileResolution.SortedEntries(resolution.Entries, i => !lost.Contains(sets[i].Set));
        return new CatalogModel(namespaceFile(file.Namespace), file.Namespace, file.MaskName, file.EnumFullName, file.IsPublic, file.Width, entries)
        {
            RegisterFileKey = file.Key,
        };
    }

    /// <summary>Caches over usable files, one per type (its first declaration by name wins a second attribute).</summary>
    private static List<RegisterCacheOutput> CacheOutputs(
        IReadOnlyList<RegisterCacheModel> caches, Dictionary<string, RegisterFileModel> files, List<DiagnosticInfo> diagnostics, HashSet<string> hintNames)
    {
        var outputs = new List<RegisterCacheOutput>();
        foreach (var parts in caches.GroupBy(cache => cache.FullName).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            diagnostics.AddRange(parts.SelectMany(part => part.Diagnostics).Distinct());
            var cache = parts.First();
            if (parts.Any(part => part.HasErrors) || cache.RegisterFileKey is null || CacheFile(cache, files, diagnostics) is not { } file)
            {
                continue;
            }
            outputs.Add(new RegisterCacheOutput(
                UniqueHintName(cache.FullName.Replace('`', '_').Replace('+', '.'), ".RegisterCache", hintNames),
                cache.Namespace,
                cache.Containers,
                MaskFullName(file),
                file.EnumFullName,
                file.IsPublic,
                cache.Values,
                IsClass: file.IsClass,
                ToMaskName: file.ToMaskName,
                SlotCount: file.Registers.Select(register => (int)register.Index + 1).DefaultIfEmpty(0).Max()));
        }
        return outputs;
    }

    /// <summary>A cache's file; for a holder (<c>{holder}#</c>), its one usable class, and RM0006 when it bears several.</summary>
    private static RegisterFileModel? CacheFile(RegisterCacheModel cache, Dictionary<string, RegisterFileModel> files, List<DiagnosticInfo> diagnostics)
    {
        var key = cache.RegisterFileKey!;
        if (!key.EndsWith("#", StringComparison.Ordinal))
        {
            return files.TryGetValue(key, out var file) ? file : null;
        }
        var holder = key.Substring(0, key.Length - 1);
        var classes = files.Values.Where(file => file.ClassHolder == holder).OrderBy(file => file.MaskName, StringComparer.Ordinal).ToList();
        if (classes.Count > 1 && cache.RegisterFileLocation is { } where)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HolderWithSeveralClasses, where,
                cache.FullName, SymbolNames.WithoutGlobalPrefix(holder), string.Join(", ", classes.Select(file => file.MaskName))));
        }
        return classes.Count == 1 ? classes[0] : null;
    }

    /// <summary>
    /// The registers in the order the mask declares them: by index, and at one index the
    /// <c>[RegisterAlias]</c> members before the others, each in declaration order. Of members
    /// sharing a value, <c>Enum.ToString()</c> shows the last declared, so the register an alias
    /// aliases names the bit, and <c>ToStringFast</c> still agrees.
    /// </summary>
    internal static IEnumerable<RegisterModel> InTextOrder(RegisterFileModel file) =>
        file.Registers.OrderBy(member => member.Index).ThenBy(member => member.IsAlias ? 0 : 1);

    internal static string MaskFullName(RegisterFileModel file) =>
        file.Namespace.Length == 0 ? "global::" + file.MaskName : "global::" + file.Namespace + "." + file.MaskName;

    /// <summary><c>{stem}{kind}.g.cs</c>, numbered when a name differing only in case (or arity marks) already took it.</summary>
    private static string UniqueHintName(string stem, string kind, HashSet<string> taken)
    {
        var hintName = stem + kind + ".g.cs";
        for (var n = 2; !taken.Add(hintName); n++)
        {
            hintName = stem + "." + n.ToString(System.Globalization.CultureInfo.InvariantCulture) + kind + ".g.cs";
        }
        return hintName;
    }
}
