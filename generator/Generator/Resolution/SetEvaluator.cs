using System.Collections.Generic;
using System.Linq;
using RegisterMasks.Generator.Diagnostics;
using RegisterMasks.Generator.Model;
using RegisterMasks.Generator.Parsing;
using RegisterMasks.Shared;

namespace RegisterMasks.Generator.Resolution;

/// <summary>
/// Computes every set of one register file: <c>(listed ∪ range ∪ includes) \ exclude</c>,
/// following includes across declaring types, and reporting unknown includes, cycles,
/// redundant registers and empty sets. A set that cannot be computed gets no value, and sets
/// including it get none either, without a diagnostic of their own: the cause is reported once,
/// where it is.
/// </summary>
internal sealed class SetEvaluator
{
    private readonly RegisterFileModel _registerFile;
    private readonly Dictionary<string, List<RegisterSetModel>> _byName;
    private readonly ISetsElsewhere _elsewhere;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<RegisterSetModel, RegisterBits?> _values = new(ReferenceComparer<RegisterSetModel>.Instance);
    private readonly Dictionary<RegisterSetModel, IReadOnlyList<int>> _orders = new(ReferenceComparer<RegisterSetModel>.Instance);
    private readonly List<RegisterSetModel> _stack = new();
    private readonly HashSet<RegisterSetModel> _inCycle = new(ReferenceComparer<RegisterSetModel>.Instance);

    /// <summary>Sets that lost a register to its own error (listed, or through an include): an empty value there is that error's doing, not a second mistake (RM0013).</summary>
    private readonly HashSet<RegisterSetModel> _lostRegister = new(ReferenceComparer<RegisterSetModel>.Instance);

    /// <summary>
    /// Registers that got no bit (an error of their own, reported at the member). A set naming one is
    /// computed without it, as the compiler recovers from an error: its constant stays there for the
    /// code that uses it, and the build still fails, on the register's error alone.
    /// </summary>
    private readonly HashSet<string> _withoutBit;

    /// <param name="elsewhere">The sets of the other files, to tell an include naming no set from one naming a set of another file or a set without one.</param>
    public SetEvaluator(RegisterFileModel file, IReadOnlyList<RegisterSetModel> sets, ISetsElsewhere elsewhere, List<DiagnosticInfo> diagnostics)
    {
        _registerFile = file;
        _elsewhere = elsewhere;
        _diagnostics = diagnostics;
        _withoutBit = new HashSet<string>(file.Members.Where(member => member.IsRegister && !member.HasBit).Select(member => member.Name));
        _byName = sets.GroupBy(set => set.Name).ToDictionary(group => group.Key, group => group.ToList());
    }

    /// <summary>Whether a name is declared by more than one set (RM0009, reported by the resolver).</summary>
    private bool IsDuplicate(RegisterSetModel set) => _byName[set.Name].Count > 1;

    /// <summary>The set's registers in ascending index, or null when it has an error (reported, its own or an included set's).</summary>
    public RegisterBits? Evaluate(RegisterSetModel set)
    {
        if (_values.TryGetValue(set, out var known))
        {
            return known;
        }
        if (set.HasErrors || IsDuplicate(set))
        {
            return _values[set] = null;
        }

        _stack.Add(set);
        var value = new RegisterBits(_registerFile.Width);
        var failed = false;
        AddListed(set, value);
        foreach (var include in set.Includes)
        {
            failed |= !AddIncluded(set, include, value);
        }
        if (!failed)
        {
            RemoveExcluded(set, value);
        }
        _stack.RemoveAt(_stack.Count - 1);

        if (failed || _inCycle.Contains(set))
        {
            return _values[set] = null;
        }
        if (set.Listed.Any(register => _withoutBit.Contains(register.Name)))
        {
            _lostRegister.Add(set);
        }
        if (value.Count == 0 && !_lostRegister.Contains(set))
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptySet, set.AttributeLocation, set.Name, _registerFile.EnumName));
        }
        return _values[set] = value;
    }

    /// <summary>
    /// An ordered set's registers in the order written: the listed registers, then the range
    /// ascending, then each include in its own order (an unordered one ascending); each register at
    /// its first place, and only those the set's value holds (so Exclude removes). Call after
    /// <see cref="Evaluate"/> gave the set a value.
    /// </summary>
    public IReadOnlyList<int> Order(RegisterSetModel set)
    {
        if (_orders.TryGetValue(set, out var known))
        {
            return known;
        }
        var value = _values[set]!;
        var order = new List<int>(value.Count);
        var placed = new HashSet<int>();
        void Place(IEnumerable<int> indices)
        {
            foreach (var index in indices)
            {
                if (value.Contains(index) && placed.Add(index))
                {
                    order.Add(index);
                }
            }
        }
        Place(set.Listed.Skip(set.RangeLength).Select(register => register.Index));
        Place(set.Listed.Take(set.RangeLength).Select(register => register.Index));
        foreach (var include in set.Includes)
        {
            if (include.Name == KnownNames.AllSetName)
            {
                Place(_registerFile.Registers.Select(member => (int)member.Index).OrderBy(index => index));
                continue;
            }
            var target = _byName[include.Name][0];   // the set has a value, so each include named one set that has one
            Place(target.IsOrdered ? Order(target) : _values[target]!);
        }
        return _orders[set] = order;
    }

    private void AddListed(RegisterSetModel set, RegisterBits value)
    {
        foreach (var register in set.Listed)
        {
            if (_withoutBit.Contains(register.Name))
            {
                continue;
            }
            if (!value.Add(register.Index))
            {
                Redundant(DiagnosticDescriptors.ListedTwice, set, register);
            }
        }
    }

    private bool AddIncluded(RegisterSetModel set, IncludeReference include, RegisterBits value)
    {
        if (include.Name == KnownNames.AllSetName)
        {
            foreach (var member in _registerFile.Registers)
            {
                value.Add((int)member.Index);
            }
            return true;
        }
        if (!_byName.TryGetValue(include.Name, out var targets))
        {
            // A set of that name without a file has an error of its own, reported where it is declared.
            if (!_elsewhere.HasSetWithoutRegisterFile(include.Name))
            {
                _diagnostics.Add(SetDirectory.UnknownInclude(set, include, _registerFile.EnumName, _byName.Keys, _elsewhere));
            }
            return false;
        }
        if (targets.Count > 1)
        {
            return false; // RM0009 already names the duplicates
        }

        var target = targets[0];
        var position = _stack.IndexOf(target);
        if (position >= 0)
        {
            ReportCycle(_stack.Skip(position).ToList());
            return false;
        }
        var included = Evaluate(target);
        if (included is null)
        {
            return false;
        }
        if (_lostRegister.Contains(target))
        {
            _lostRegister.Add(set);
        }
        value.UnionWith(included);
        return true;
    }

    private void RemoveExcluded(RegisterSetModel set, RegisterBits value)
    {
        foreach (var register in set.Excluded)
        {
            if (_withoutBit.Contains(register.Name))
            {
                continue;
            }
            if (!value.Remove(register.Index))
            {
                Redundant(DiagnosticDescriptors.ExcludedButAbsent, set, register);
            }
        }
    }

    private void ReportCycle(List<RegisterSetModel> cycle)
    {
        _inCycle.UnionWith(cycle);
        _diagnostics.AddRange(CycleDiagnostics(cycle));
    }

    /// <summary>RM0008 for each set of the cycle once, at its include that leads on round the cycle.</summary>
    internal static IEnumerable<DiagnosticInfo> CycleDiagnostics(IReadOnlyList<RegisterSetModel> cycle)
    {
        for (var i = 0; i < cycle.Count; i++)
        {
            var set = cycle[i];
            var next = cycle[(i + 1) % cycle.Count];
            var path = string.Join(" -> ", cycle.Skip(i).Concat(cycle.Take(i + 1)).Select(member => member.Name));
            var include = set.Includes.First(reference => reference.Name == next.Name);
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.IncludeCycle, include.Location, set.Name, path);
        }
    }

    private void Redundant(Microsoft.CodeAnalysis.DiagnosticDescriptor why, RegisterSetModel set, RegisterReference register) =>
        _diagnostics.Add(DiagnosticInfo.Create(why, register.Location, set.Name, register.Name));
}
