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
/// Joins every register file with every set: sets include each other across declaring types,
/// so values, duplicates and cycles can only be decided with all of them in hand. Produces the
/// models to emit, in an order that depends on names, never on declaration or tree order.
/// </summary>
internal static class SetResolver
{
    public static ResolutionResult Resolve(AnnotationModels models, CancellationToken cancellationToken) =>
        Resolve(models.RegisterFiles, models.SetContainers, models.Invariants, models.Caches, cancellationToken);

    public static ResolutionResult Resolve(
        IReadOnlyList<RegisterFileModel> files, IReadOnlyList<SetContainerModel> containers, CancellationToken cancellationToken) =>
        Resolve(files, containers, Array.Empty<SetInvariantsModel>(), Array.Empty<RegisterCacheModel>(), cancellationToken);

    public static ResolutionResult Resolve(
        IReadOnlyList<RegisterFileModel> files, IReadOnlyList<SetContainerModel> containers,
        IReadOnlyList<SetInvariantsModel> invariants, IReadOnlyList<RegisterCacheModel> caches, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var owners = new List<RegisterFileModel>();
        var usableRegisterFiles = SelectUsableRegisterFiles(files, diagnostics, owners);
        // Classes by the masks they own: a second class of the same holder and mask name is reported and left out, so a set is never given its bits.
        var merged = RegisterFileFromIncludes.Assign(RegisterClassSets.Assign(MergePartialDeclarations(containers, diagnostics), owners, diagnostics), files, diagnostics);
        var declared = new SetDirectory(merged.SelectMany(container => container.Sets), files);

        var values = new Dictionary<RegisterSetModel, RegisterBits>(ReferenceComparer<RegisterSetModel>.Instance);
        var orders = new Dictionary<RegisterSetModel, IReadOnlyList<int>>(ReferenceComparer<RegisterSetModel>.Instance);
        foreach (var registerFileSets in merged.SelectMany(container => container.Sets).GroupBy(set => set.RegisterFileKey))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (registerFileSets.Key is null || !usableRegisterFiles.TryGetValue(registerFileSets.Key, out var file))
            {
                continue; // an undetermined file (RM0006) or a file with errors of its own: nothing to compute
            }
            var sets = registerFileSets.ToList();
            var evaluator = new SetEvaluator(file, sets, declared, diagnostics);
            ReportDuplicateNames(file, sets, merged, diagnostics);
            foreach (var set in sets)
            {
                if (evaluator.Evaluate(set) is { } value)
                {
                    values.Add(set, value);
                }
            }
            foreach (var set in sets.Where(set => set.IsOrdered && values.ContainsKey(set)))
            {
                orders.Add(set, evaluator.Order(set));
            }
        }

        ReportConstantCollisions(merged, values, diagnostics);
        ReportOrderCollisions(merged, orders, diagnostics);

        // The name each index shows, per usable file: set constants, catalogs and invariant messages all print them.
        var displayNames = usableRegisterFiles.ToDictionary(pair => pair.Key, pair => DisplayNames(pair.Value), StringComparer.Ordinal);
        // The same per index as bits, made once: the mask and every set constant and catalog entry of a file share them (2,048 sets
        // of up to 64 bits each were as many small objects on every resolution, a set edit's among them).
        var displayBits = displayNames.ToDictionary(pair => pair.Key, pair => pair.Value.ToDictionary(name => name.Key, name => new MaskBit(name.Value, name.Key)), StringComparer.Ordinal);

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
        // Each file's catalog lists the sets of that file: grouped once, not searched once per file.
        var catalogued = merged.Where(container => container.IsPartial)
            .SelectMany(container => container.Sets.Where(values.ContainsKey).Select(set => (Set: set, Container: container)))
            .ToLookup(entry => entry.Set.RegisterFileKey, StringComparer.Ordinal);
        return new ResolutionResult(
            Masks: usableRegisterFiles.Values.OrderBy(file => file.Key, StringComparer.Ordinal)
                .Select(file => MaskOutput(file, displayBits[file.Key], hintNames)).ToEquatableArray(),
            SetContainers: SetOutputs(merged, usableRegisterFiles, displayBits, values, orders, NamespaceFile).ToEquatableArray(),
            Catalogs: usableRegisterFiles.Values.OrderBy(file => file.Key, StringComparer.Ordinal)
                .Select(file => Catalog(file, displayBits[file.Key], catalogued[file.Key], values, NamespaceFile)).ToEquatableArray(),
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

    private static void ReportDuplicateNames(
        RegisterFileModel file, List<RegisterSetModel> sets, List<SetContainerModel> containers, List<DiagnosticInfo> diagnostics)
    {
        foreach (var group in sets.Where(set => set.Name.Length > 0).GroupBy(set => set.Name).Where(group => group.Count() > 1))
        {
            var owners = string.Join(", ", group.Select(set => containers.First(container => container.Sets.Contains(set)).DisplayName).Distinct());
            foreach (var set in group)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateSetName, set.NameLocation, set.Name, group.Count(), file.EnumName, owners));
            }
        }
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
    private static void ReportConstantCollisions(
        List<SetContainerModel> containers, Dictionary<RegisterSetModel, RegisterBits> values, List<DiagnosticInfo> diagnostics)
    {
        foreach (var container in containers)
        {
            var colliding = container.Sets.Where(values.ContainsKey).GroupBy(set => set.Name)
                .Where(group => group.Select(set => set.RegisterFileKey).Distinct().Count() > 1);
            foreach (var group in colliding)
            {
                var files = string.Join(", ", group.Select(set => SymbolNames.WithoutGlobalPrefix(set.RegisterFileKey!).Replace('#', '.')).Distinct().OrderBy(key => key, StringComparer.Ordinal));
                foreach (var set in group)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SetNameOnTwoFiles, set.NameLocation, set.Name, container.DisplayName, files));
                    values.Remove(set);
                }
            }
        }
    }

    private static MaskModel MaskOutput(RegisterFileModel file, Dictionary<int, MaskBit> bits, HashSet<string> hintNames)
    {
        var registers = InTextOrder(file);
        return new MaskModel(
            HintName: UniqueHintName(file.Namespace.Length == 0 ? file.MaskName : file.Namespace + "." + file.MaskName, "", hintNames),
            Namespace: file.Namespace,
            MaskName: file.MaskName,
            EnumFullName: file.EnumFullName,
            IsPublic: file.IsPublic,
            Width: file.Width,
            Members: registers.Select(member => new MaskBit(member.Name, (int)member.Index)).ToEquatableArray(),
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
    }

    private static IEnumerable<SetContainerOutput> SetOutputs(
        List<SetContainerModel> containers, Dictionary<string, RegisterFileModel> files, Dictionary<string, Dictionary<int, MaskBit>> displayBits,
        Dictionary<RegisterSetModel, RegisterBits> values, Dictionary<RegisterSetModel, IReadOnlyList<int>> orders, Func<string, string> namespaceFile)
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
                .Select(set => SetConstant(set, files[set.RegisterFileKey!], displayBits[set.RegisterFileKey!], values[set], orders.TryGetValue(set, out var order) ? order : null))
                .ToEquatableArray();
            if (constants.Count == 0)
            {
                continue;
            }
            yield return new SetContainerOutput(namespaceFile(container.Namespace), container.Namespace, container.Containers, constants);
        }
    }

    /// <summary>The file's sets whose constants are generated (so a partial type bears them), sorted by name.</summary>
    /// <param name="sets">The file's sets with values, on partial types, in the order declared.</param>
    private static CatalogModel Catalog(
        RegisterFileModel file, Dictionary<int, MaskBit> bits, IEnumerable<(RegisterSetModel Set, SetContainerModel Container)> sets, Dictionary<RegisterSetModel, RegisterBits> values,
        Func<string, string> namespaceFile)
    {
        var entries = sets
            .Select(entry => new CatalogEntry(entry.Set.Name, entry.Container.DisplayName, values[entry.Set].Select(index => bits[index]).ToEquatableArray()))
            .OrderBy(entry => entry.Name, StringComparer.Ordinal);
        return new CatalogModel(namespaceFile(file.Namespace), file.Namespace, file.MaskName, file.EnumFullName, file.IsPublic, file.Width, entries.ToEquatableArray())
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

    private static SetConstantModel SetConstant(
        RegisterSetModel set, RegisterFileModel file, Dictionary<int, MaskBit> bits, RegisterBits value, IReadOnlyList<int>? order) =>
        new(
            Name: set.Name,
            MaskFullName: MaskFullName(file),
            IsPublic: file.IsPublic,
            Width: file.Width,
            Bits: value.Select(index => bits[index]).ToEquatableArray(),
            Summary: set.Summary)
        {
            EnumFullName = file.EnumFullName,
            Order = order?.Select(index => bits[index]).ToEquatableArray(),
            Accessibility = set.Accessibility,
        };

    /// <summary>The name each index shows: the last of <see cref="InTextOrder"/>, as <c>Enum.ToString()</c> picks it on the mask.</summary>
    private static Dictionary<int, string> DisplayNames(RegisterFileModel file)
    {
        var names = new Dictionary<int, string>();
        foreach (var member in InTextOrder(file))
        {
            names[(int)member.Index] = member.Name;
        }
        return names;
    }

    /// <summary>
    /// The registers in the order the mask declares them: by index, and at one index the
    /// <c>[RegisterAlias]</c> members before the others, each in declaration order. Of members
    /// sharing a value, <c>Enum.ToString()</c> shows the last declared, so the register an alias
    /// aliases names the bit, and <c>ToStringFast</c> still agrees.
    /// </summary>
    private static IEnumerable<RegisterModel> InTextOrder(RegisterFileModel file) =>
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
