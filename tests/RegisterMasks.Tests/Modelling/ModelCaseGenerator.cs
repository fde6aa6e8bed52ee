namespace RegisterMasks.Tests.Modelling;

/// <summary>
/// Draws valid <see cref="ModelCase"/>s, each from one seed: a failing case is replayed from its seed
/// alone. Sizes lean small (most bugs show in small cases, and small cases read quickly) but reach
/// 48 registers and 10 sets.
/// </summary>
internal static class ModelCaseGenerator
{
    private static readonly int[] Widths = { 8, 16, 32, 32, 64, 64, 128, 192 };

    // Names a user might write: plain, KVM-like, a keyword (written @class), non-ASCII.
    private static readonly string[] SpecialRegisterNames = { "@class", "Ärger", "_x", "VCPU_REGS_RAX", "régistre", "@event" };
    private static readonly string[] SetNamePatterns = { "S{0}", "SET_{0}", "REGS_{0}_SET", "Ünion{0}" };

    public static ModelCase Draw(int seed)
    {
        var random = new Random(seed);
        var registerCount = 1 + random.Next(random.Next(1, 49));
        var setCount = random.Next(random.Next(1, 12));
        var width = Widths[random.Next(Widths.Length)];
        var members = DrawMembers(random, width, Math.Min(registerCount, width));
        var underlying = DrawUnderlying(random, members.Max(member => member.Index));
        var containers = Enumerable.Range(0, random.Next(1, 4)).Select(_ => (ContainerKind)random.Next(5)).ToArray();
        var sets = new List<ModelSet>();
        for (var i = 0; i < setCount; i++)
        {
            sets.Add(DrawSet(random, members, sets, containers.Length, i));
        }
        var setsInDeclarationOrder = sets.OrderBy(_ => random.Next()).ToArray();
        var invariants = sets.Count < 2 ? Array.Empty<ModelInvariant>() : DrawInvariants(random, sets);
        var namespaceStyle = random.Next(3);
        return new ModelCase(
            seed,
            width,
            underlying,
            Namespace: namespaceStyle == 2 ? null : "Model" + (uint)seed,
            FileScopedNamespace: namespaceStyle == 1,
            EnumName: random.Next(4) == 0 ? "Régs" : "Regs",
            MaskName: random.Next(4) == 0 ? "RegBits" : null,
            members,
            containers,
            setsInDeclarationOrder,
            invariants);
    }

    /// <summary>Distinct indices with gaps, sometimes the top bit, sometimes aliases and a sentinel; shuffled.</summary>
    private static ModelMember[] DrawMembers(Random random, int width, int count)
    {
        var indices = Enumerable.Range(0, width).OrderBy(_ => random.Next()).Take(count).ToList();
        if (random.Next(3) == 0 && !indices.Contains(width - 1))
        {
            indices[0] = width - 1;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<ModelMember>();
        foreach (var index in indices)
        {
            var special = SpecialRegisterNames[random.Next(SpecialRegisterNames.Length)].TrimStart('@');
            var name = random.Next(8) == 0 && names.Add(special) ? special : "R" + index;
            names.Add(name);
            members.Add(new ModelMember(name, index, IsSentinel: false));
        }
        for (var alias = random.Next(4) == 0 ? random.Next(1, 3) : 0; alias > 0; alias--)
        {
            var target = members[random.Next(members.Count)];
            // Marked [RegisterAlias] or not, chosen without drawing, so that other seeds' cases stay as they were.
            members.Add(new ModelMember($"{target.Name}_ALIAS{alias}", target.Index, IsSentinel: false, IsAlias: (target.Index + alias) % 2 == 0));
        }
        var ordered = members.OrderBy(_ => random.Next()).ToList();
        if (random.Next(2) == 0)
        {
            ordered.Add(new ModelMember("COUNT", indices.Max() + 1, IsSentinel: true));
        }
        return ordered.ToArray();
    }

    private static string DrawUnderlying(Random random, int maxValue)
    {
        var fitting = new[] { ("byte", 255), ("sbyte", 127), ("short", short.MaxValue), ("ushort", ushort.MaxValue), ("int", int.MaxValue), ("uint", int.MaxValue), ("long", int.MaxValue), ("ulong", int.MaxValue) }
            .Where(type => maxValue <= type.Item2).Select(type => type.Item1).ToArray();
        return random.Next(2) == 0 ? "int" : fitting[random.Next(fitting.Length)];
    }

    private static ModelSet DrawSet(Random random, ModelMember[] members, List<ModelSet> earlier, int containers, int number)
    {
        var registers = Enumerable.Range(0, members.Length).Where(position => !members[position].IsSentinel).ToArray();
        int Pick() => registers[random.Next(registers.Length)];

        var listed = Enumerable.Range(0, random.Next(5)).Select(_ => Pick()).ToArray();
        (int, int)? range = null;
        if (random.Next(3) == 0)
        {
            int a = Pick(), b = Pick();
            range = members[a].Index <= members[b].Index ? (a, b) : (b, a);
        }
        // Includes only reach sets drawn earlier, so there is no cycle; declaration order is shuffled later.
        var includes = earlier.Count == 0 ? new List<string>() : Enumerable.Range(0, random.Next(3)).Select(_ => earlier[random.Next(earlier.Count)].Name).Distinct().ToList();
        if (random.Next(8) == 0)
        {
            includes.Add("All");
        }
        var excluded = Enumerable.Range(0, random.Next(3)).Select(_ => Pick()).ToArray();
        var listsNone = listed.Length == 0 && range is null;
        // The contract: a set naming no register takes its file from its excludes, or from the sets it includes.
        var fileFromOthers = excluded.Length > 0 || includes.Any(name => name != "All");
        return new ModelSet(
            string.Format(System.Globalization.CultureInfo.InvariantCulture, SetNamePatterns[random.Next(SetNamePatterns.Length)], number),
            random.Next(containers),
            listed,
            range,
            includes.ToArray(),
            excluded,
            NamesFile: (listsNone && !fileFromOthers) || random.Next(4) == 0,
            Summary: random.Next(4) == 0 ? $"Set {number}: <regs> & \"more\"" : null,
            Ordered: number % 3 == 1);   // chosen without drawing, so that other seeds' cases stay as they were
    }

    private static ModelInvariant[] DrawInvariants(Random random, List<ModelSet> sets)
    {
        string PickSet() => sets[random.Next(sets.Count)].Name;
        return Enumerable.Range(0, random.Next(3)).Select(_ => random.Next(2) == 0
                ? new ModelInvariant(true, Enumerable.Range(0, random.Next(2, 4)).Select(_ => PickSet()).Distinct().ToArray())
                : new ModelInvariant(false, new[] { PickSet(), random.Next(5) == 0 ? "All" : PickSet() }))
            .Where(invariant => invariant.Sets.Length >= 2)
            .ToArray();
    }
}
