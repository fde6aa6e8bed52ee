using System;
using System.Collections.Generic;
using System.Linq;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Resolution;

/// <summary>
/// Every set declared, by name, whatever its file and whether or not it has errors: it tells an
/// include or invariant that names no set at all (RM0007, the mistake to fix) from one that names a
/// set with an error of its own or no file (reported at that set: saying it again where it is
/// named would report one mistake twice, and wrongly, as a missing name).
/// </summary>
internal sealed class SetDirectory : ISetsElsewhere
{
    private readonly ILookup<string, RegisterSetModel> _byName;
    private readonly Dictionary<string, string> _registerFileNames;

    public SetDirectory(IEnumerable<RegisterSetModel> sets, IEnumerable<RegisterFileModel> files)
    {
        _byName = sets.Where(set => set.Name.Length > 0).ToLookup(set => set.Name, StringComparer.Ordinal);
        _registerFileNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            _registerFileNames[file.Key] = file.EnumName;
        }
    }

    /// <summary>Whether any set, of any file or of none, has this name.</summary>
    public bool Declares(string name) => _byName.Contains(name);

    /// <summary>Whether a set of this name has no file: its own error (or its includes' trouble) is reported where it is declared.</summary>
    public bool HasSetWithoutRegisterFile(string name) => _byName[name].Any(set => set.RegisterFileKey is null);

    /// <summary>Every name a set has, in declaration order.</summary>
    public IEnumerable<string> Names => _byName.Select(group => group.Key);

    /// <summary>The files that have a set of this name, as messages name them, sorted.</summary>
    public List<string> RegisterFileNamesOf(string name) =>
        _byName[name].Where(set => set.RegisterFileKey is not null).Select(set => RegisterFileName(set.RegisterFileKey!)).Distinct().OrderBy(file => file, StringComparer.Ordinal).ToList();

    /// <summary>How messages name a register file: the enum's own name, as the other messages of a set do.</summary>
    public string RegisterFileName(string registerFileKey) => _registerFileNames.TryGetValue(registerFileKey, out var name) ? name : SymbolNames.WithoutGlobalPrefix(registerFileKey);

    /// <summary>
    /// RM0007 at an include that names no set of the set's file (<paramref name="registerFileName"/>), or of
    /// any file when that is not known. A name differing only in case among <paramref name="names"/>
    /// is asked about; else a set of that name in another file (as <paramref name="elsewhere"/> tells) is
    /// named; the names within two edits go to the code fix. The set's own name is never offered:
    /// including it would be a cycle.
    /// </summary>
    public static DiagnosticInfo UnknownInclude(RegisterSetModel set, IncludeReference include, string? registerFileName, IEnumerable<string> names, ISetsElsewhere elsewhere)
    {
        var scope = names.Where(name => name != set.Name).Distinct(StringComparer.Ordinal).ToList();
        var otherCase = scope.Where(name => string.Equals(name, include.Name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(name => name, StringComparer.Ordinal).FirstOrDefault();
        var otherFiles = registerFileName is null ? new List<string>() : elsewhere.RegisterFileNamesOf(include.Name);
        var diagnostic = (registerFileName, otherCase) switch
        {
            (null, null) => DiagnosticInfo.Create(DiagnosticDescriptors.UnknownIncludeOfAnyFile, include.Location, set.Name, include.Name),
            (null, _) => DiagnosticInfo.Create(DiagnosticDescriptors.UnknownIncludeOfAnyFileOtherCase, include.Location, set.Name, include.Name, otherCase),
            (_, null) when otherFiles.Count > 0 => DiagnosticInfo.Create(DiagnosticDescriptors.IncludeOfAnotherFile, include.Location, set.Name, include.Name, registerFileName,
                string.Join(" and ", otherFiles.Select(file => "'" + file + "'"))),
            (_, null) => DiagnosticInfo.Create(DiagnosticDescriptors.UnknownInclude, include.Location, set.Name, include.Name, registerFileName),
            _ => DiagnosticInfo.Create(DiagnosticDescriptors.UnknownIncludeOtherCase, include.Location, set.Name, include.Name, registerFileName, otherCase),
        };
        var candidates = NameSuggestions.Near(include.Name, scope.Append(KnownNames.AllSetName));
        return candidates.Count == 0 ? diagnostic : diagnostic.WithProperty(FixProperties.Candidates, string.Join(FixProperties.Separator.ToString(), candidates));
    }
}

/// <summary>What an include naming no set of its own file asks about the sets of the others.</summary>
internal interface ISetsElsewhere
{
    /// <summary>Whether a set of this name has no file: its own error (or its includes' trouble) is reported where it is declared.</summary>
    bool HasSetWithoutRegisterFile(string name);

    /// <summary>The files that have a set of this name, as messages name them, sorted.</summary>
    List<string> RegisterFileNamesOf(string name);
}
