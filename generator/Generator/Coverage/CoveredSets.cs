using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using RegisterMasks.Generator.Incremental;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Coverage;

/// <summary>A register a covered set holds: the name text shows for its value, and the value.</summary>
internal sealed record CoveredRegister(string Name, long Value);

/// <summary>A set <c>[CoversRegisterSet]</c> names, resolved: its register file and its registers in declaration order.</summary>
internal sealed record CoveredSet(string Name, RegisterFileModel File, IReadOnlyList<CoveredRegister> Registers);

/// <summary>Why a name given to <c>[CoversRegisterSet]</c> gave no set.</summary>
internal enum CoveredSetProblem
{
    /// <summary>A set was found.</summary>
    None,

    /// <summary>The name, or its register file, is a set or file with an error of its own, reported where it is: nothing more to say.</summary>
    ReportedElsewhere,

    /// <summary>No register file has a set of that name.</summary>
    Unknown,

    /// <summary><c>RegisterFile</c> names a register file that has no set of that name.</summary>
    NotOfFile,

    /// <summary>Sets of several register files have the name, and no <c>RegisterFile</c> says which.</summary>
    Ambiguous,

    /// <summary><c>RegisterFile</c> names a type that is not an enum with <c>[RegisterFile]</c>.</summary>
    NotAFile,
}

/// <summary>
/// Every set of the compilation by name, with its value as the resolver computed it (includes,
/// ranges and excludes applied): the same reading and resolution <see cref="RegisterMaskAnalyzer"/>
/// reports from, so a set means here exactly what its constant holds. Read once per compilation, so
/// a set that grows in another tree is seen by the next analysis of any tree.
/// </summary>
internal sealed class CoveredSets
{
    private readonly Dictionary<string, RegisterFileModel> _usable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _annotated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, IReadOnlyList<MaskBit>>> _setsByFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<MaskBit>> _allByFile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _resolved = new(StringComparer.Ordinal);

    private CoveredSets(AnnotationModels models, ResolutionResult result)
    {
        // By key: a register file's is its enum's name, a register class's its holder's and mask's (one enum may have several classes).
        foreach (var file in models.RegisterFiles)
        {
            _annotated.Add(file.Key);
        }
        foreach (var mask in result.Masks)
        {
            if (models.RegisterFiles.FirstOrDefault(file => file.Key == mask.RegisterFileKey) is { } file)
            {
                _usable[mask.RegisterFileKey] = file;
                _allByFile[mask.RegisterFileKey] = mask.Bits;
            }
        }
        foreach (var set in models.SetContainers.SelectMany(container => container.Sets))
        {
            _declared[set.Name] = _declared.TryGetValue(set.Name, out var count) ? count + 1 : 1;
        }
        // The catalogs hold every set that has a value (a set with an error of its own, or whose type
        // is not partial, has none); a name twice in one file is RM0009's, and means no set here.
        foreach (var catalog in result.Catalogs)
        {
            var sets = new Dictionary<string, IReadOnlyList<MaskBit>>(StringComparer.Ordinal);
            foreach (var group in catalog.Entries.GroupBy(entry => entry.Name, StringComparer.Ordinal))
            {
                _resolved[group.Key] = (_resolved.TryGetValue(group.Key, out var count) ? count : 0) + group.Count();
                if (group.Count() == 1)
                {
                    sets.Add(group.Key, group.Single().Bits);
                }
            }
            _setsByFile[catalog.RegisterFileKey] = sets;
        }
    }

    /// <summary>The compilation's sets, from its reading (<see cref="AnnotationReading"/>: the generator's in a build, the last keystroke's built on in an editor).</summary>
    public static CoveredSets Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var models = AnnotationReading.Of(compilation, cancellationToken).Models;
        return new CoveredSets(models, ReadingStore.Resolve(models, cancellationToken));
    }

    /// <summary>
    /// The set <paramref name="name"/> names, of <paramref name="registerFile"/> when it is given;
    /// <c>"All"</c> is every register of the file. The register files that have a set of the name
    /// come back when it is ambiguous.
    /// </summary>
    public CoveredSet? Find(string? name, ITypeSymbol? registerFile, out CoveredSetProblem problem, out IReadOnlyList<string> files)
    {
        files = Array.Empty<string>();
        name ??= "";
        if (registerFile is not null)
        {
            var key = KeyOf(registerFile, name);
            if (key is null || !_annotated.Contains(key))
            {
                problem = CoveredSetProblem.NotAFile;
                return null;
            }
            if (!_usable.TryGetValue(key, out var file))
            {
                problem = CoveredSetProblem.ReportedElsewhere;   // the file's own error (a width, a mask name) is reported on it
                return null;
            }
            if (name == KnownNames.AllSetName)
            {
                problem = CoveredSetProblem.None;
                return Set(name, file, _allByFile[key]);
            }
            if (_setsByFile.TryGetValue(key, out var sets) && sets.TryGetValue(name, out var bits))
            {
                problem = CoveredSetProblem.None;
                return Set(name, file, bits);
            }
            problem = HasBrokenDeclaration(name) ? CoveredSetProblem.ReportedElsewhere : CoveredSetProblem.NotOfFile;
            return null;
        }

        var candidates = name == KnownNames.AllSetName
            ? _usable.Keys.ToList()
            : _setsByFile.Where(pair => pair.Value.ContainsKey(name)).Select(pair => pair.Key).ToList();
        if (candidates.Count == 1)
        {
            var key = candidates[0];
            problem = CoveredSetProblem.None;
            return Set(name, _usable[key], name == KnownNames.AllSetName ? _allByFile[key] : _setsByFile[key][name]);
        }
        if (candidates.Count > 1)
        {
            problem = CoveredSetProblem.Ambiguous;
            files = candidates.Select(key => _usable.TryGetValue(key, out var file) && file.IsClass ? file.MaskName : SymbolNames.WithoutGlobalPrefix(key))
                .OrderBy(file => file, StringComparer.Ordinal).ToList();
            return null;
        }
        problem = name == KnownNames.AllSetName || HasBrokenDeclaration(name) ? CoveredSetProblem.ReportedElsewhere : CoveredSetProblem.Unknown;
        return null;
    }

    /// <summary>
    /// The key <c>RegisterFile = typeof(...)</c> names: an enum's, or a class holder's (of its one class, or of
    /// the one of its classes that has a set of the name); null for any other type.
    /// </summary>
    private string? KeyOf(ITypeSymbol registerFile, string name)
    {
        if (registerFile is not INamedTypeSymbol type)
        {
            return null;
        }
        if (type.TypeKind == TypeKind.Enum)
        {
            return SymbolNames.FullyQualified(type);
        }
        var prefix = SymbolNames.FullyQualified(type) + "#";
        var classes = _annotated.Where(key => key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return classes.Count == 1 ? classes[0]
            : classes.FirstOrDefault(key => _setsByFile.TryGetValue(key, out var sets) && sets.ContainsKey(name)) ?? classes.FirstOrDefault();
    }

    /// <summary>A set of this name is declared but has no value: its error is reported where it is declared.</summary>
    private bool HasBrokenDeclaration(string name) =>
        _declared.TryGetValue(name, out var declared) && declared > (_resolved.TryGetValue(name, out var resolved) ? resolved : 0);

    /// <summary>
    /// The set's registers by value, in the order the enum declares them (a class's: its bit order), each
    /// once, named as text shows its value (of aliases, the one the resolver chose for every output).
    /// A register file's index is its value; a class's is its bit, its value kept as text.
    /// </summary>
    private static CoveredSet Set(string name, RegisterFileModel file, IReadOnlyList<MaskBit> bits)
    {
        var names = new Dictionary<long, string>();
        foreach (var bit in bits)
        {
            names[bit.Index] = bit.Name;
        }
        var registers = new List<CoveredRegister>();
        foreach (var register in file.Registers)
        {
            if (names.TryGetValue(register.Index, out var shown))
            {
                registers.Add(new CoveredRegister(shown, file.IsClass ? ValueOf(register) : register.Index));
                names.Remove(register.Index);
            }
        }
        return new CoveredSet(name, file, registers);
    }

    private static long ValueOf(RegisterModel classMember) =>
        long.TryParse(classMember.IndexText, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : ulong.TryParse(classMember.IndexText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var big) ? unchecked((long)big) : long.MinValue;
}
