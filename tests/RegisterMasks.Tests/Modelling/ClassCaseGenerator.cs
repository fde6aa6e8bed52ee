using System.Numerics;

namespace RegisterMasks.Tests.Modelling;

/// <summary>
/// Draws valid <see cref="ClassCase"/>s, each from one seed. The enum's members come in groups, the
/// would-be classes: values running consecutively (from zero, a negative number, or the type's top),
/// scattered over the underlying type's range, or repeating an earlier group's values as x86's
/// <c>Xmm0..Xmm15</c> repeat <c>Rax..R15</c>'s. Classes take a range of a group, a list of members from
/// anywhere in a random order, or every member minus those excluded; widths reach 1024.
/// </summary>
internal static class ClassCaseGenerator
{
    private static readonly (string Name, BigInteger Min, BigInteger Max)[] Underlyings =
    {
        ("sbyte", sbyte.MinValue, sbyte.MaxValue), ("byte", byte.MinValue, byte.MaxValue),
        ("short", short.MinValue, short.MaxValue), ("ushort", ushort.MinValue, ushort.MaxValue),
        ("int", int.MinValue, int.MaxValue), ("uint", uint.MinValue, uint.MaxValue),
        ("long", long.MinValue, long.MaxValue), ("ulong", ulong.MinValue, ulong.MaxValue),
    };

    private static readonly string[] GroupPrefixes = { "R", "Xmm", "K", "V" };
    private static readonly string[] MaskNames = { "GprMask", "VecMask", "PredBits" };
    private static readonly string[] SpecialNames = { "@class", "Ärger", "_x", "EAX", "régistre" };

    public static ClassCase Draw(int seed)
    {
        var random = new Random(seed);
        var (underlying, min, max) = Underlyings[random.Next(Underlyings.Length)];
        var foreign = random.Next(3) == 0;
        var members = DrawMembers(random, min, max, foreign, out var groups);

        var classCount = random.Next(8) switch { < 4 => 1, < 7 => 2, _ => 3 };
        var holders = new List<int>();
        var classes = new List<ClassModel>();
        for (var k = 0; k < classCount; k++)
        {
            // Now and then a holder of two classes (sets on it then find theirs by member).
            var holder = k > 0 && random.Next(4) == 0 ? classes[k - 1].Holder : holders.Count;
            if (holder == holders.Count)
            {
                holders.Add(holder);
            }
            classes.Add(DrawClass(random, members, groups, k, holder, min, few: k > 0 && members.Length > 100));
        }
        // A cache names a holder bearing one class.
        classes = classes.Select(model => model with { Cached = model.Cached && classes.Count(other => other.Holder == model.Holder) == 1 }).ToList();

        var sets = new List<ClassSetModel>();
        var setCount = random.Next(random.Next(1, 10));
        for (var i = 0; i < setCount; i++)
        {
            if (DrawSet(random, members, classes, sets, i) is { } set)
            {
                sets.Add(set);
            }
        }
        var namespaceStyle = random.Next(2);
        var enumNamespace = foreign ? $"Lib{(uint)seed}" : random.Next(2) == 0 ? $"Isa{(uint)seed}" : $"ClassModel{(uint)seed}";
        return new ClassCase(
            seed,
            Namespace: $"ClassModel{(uint)seed}",
            FileScopedNamespace: namespaceStyle == 1 && enumNamespace == $"ClassModel{(uint)seed}",
            EnumNamespace: enumNamespace,
            EnumName: random.Next(3) == 0 ? "Register" : "X86Register",
            Underlying: underlying,
            Foreign: foreign,
            Members: members,
            HolderIsStruct: holders.Select(_ => random.Next(4) == 0).ToArray(),
            Classes: classes.ToArray(),
            Sets: sets.OrderBy(_ => random.Next()).ToArray());
    }

    /// <summary>Sometimes a sentinel-like first member (<c>Invalid = -1</c>, <c>None = 0</c>, a <c>[NotARegister]</c>), then the groups in order.</summary>
    private static ClassEnumMember[] DrawMembers(Random random, BigInteger min, BigInteger max, bool foreign, out List<int[]> groups)
    {
        var members = new List<ClassEnumMember>();
        if (random.Next(3) == 0)
        {
            members.Add(new ClassEnumMember(min < 0 ? "Invalid" : "None", min < 0 ? -1 : 0));
        }
        if (!foreign && random.Next(5) == 0)
        {
            members.Add(new ClassEnumMember("Count", Between(random, min, max), IsSentinel: true));
        }
        var span = max - min + 1;
        var big = random.Next(30) == 0;
        var groupCount = big ? 1 : random.Next(1, 4);
        groups = new List<int[]>();
        var names = new HashSet<string>(members.Select(member => member.Name), StringComparer.Ordinal);
        for (var g = 0; g < groupCount; g++)
        {
            int size = big ? random.Next(65, random.Next(4) == 0 ? 600 : 300) : random.Next(5) == 0 ? random.Next(17, 70) : random.Next(1, 17);
            size = (int)BigInteger.Min(size, span);
            BigInteger[] values;
            var style = g > 0 && random.Next(3) == 0 ? 2 : random.Next(2);
            if (style == 2)
            {
                // x86: this group's values are an earlier group's.
                var earlier = groups[random.Next(groups.Count)];
                values = earlier.Take(Math.Min(size, earlier.Length)).Select(position => members[position].Value).ToArray();
            }
            else if (style == 0)
            {
                var starts = new List<BigInteger> { 0, 1, Between(random, min, max - size + 1), max - size + 1 };
                if (min < 0)
                {
                    starts.Add(BigInteger.Max(min, -size / 2 - 1));
                    starts.Add(min);
                }
                starts.RemoveAll(start => start < min || start + size - 1 > max);
                var start = starts[random.Next(starts.Count)];
                values = Enumerable.Range(0, size).Select(i => start + i).ToArray();
            }
            else
            {
                // Scattered: over the whole range, or over a window near zero (gaps of a few).
                var window = random.Next(2) == 0 ? (min, max) : (BigInteger.Max(min, -40), BigInteger.Min(max, size * 4 + 40));
                var distinct = new HashSet<BigInteger>();
                while (distinct.Count < size)
                {
                    distinct.Add(Between(random, window.Item1, window.Item2));
                }
                values = distinct.OrderBy(_ => random.Next()).ToArray();
            }
            var group = new List<int>();
            foreach (var value in values)
            {
                var special = SpecialNames[random.Next(SpecialNames.Length)].TrimStart('@');
                var name = random.Next(20) == 0 && names.Add(special) ? special : $"{GroupPrefixes[g]}{group.Count}";
                names.Add(name);
                group.Add(members.Count);
                members.Add(new ClassEnumMember(name, value));
            }
            groups.Add(group.ToArray());
        }
        return members.ToArray();
    }

    /// <param name="few">Only a few members: one class of hundreds per case is enough, and each costs seconds to compile.</param>
    private static ClassModel DrawClass(Random random, ClassEnumMember[] members, List<int[]> groups, int k, int holder, BigInteger min, bool few)
    {
        var registers = Enumerable.Range(0, members.Length).Where(position => !members[position].IsSentinel && members[position].Name is not ("None" or "Invalid")).ToList();
        var choice = (ClassChoice)random.Next(3);
        if (few)
        {
            choice = ClassChoice.Listed;
        }
        int from = 0, to = 0;
        var listed = Array.Empty<int>();
        List<int> chosen;
        switch (choice)
        {
            case ClassChoice.Range:
            {
                // A slice of one group, whose values are distinct.
                var group = groups[random.Next(groups.Count)];
                var a = random.Next(group.Length);
                var b = random.Next(group.Length);
                (from, to) = (group[Math.Min(a, b)], group[Math.Max(a, b)]);
                if (random.Next(3) == 0)
                {
                    (from, to) = (group[0], group[^1]);
                }
                chosen = Enumerable.Range(from, to - from + 1).ToList();
                break;
            }
            case ClassChoice.Listed:
            {
                var count = random.Next(6) == 0 && !few ? random.Next(1, 80) : random.Next(1, 12);
                var values = new HashSet<BigInteger>();
                chosen = registers.OrderBy(_ => random.Next()).Where(position => values.Add(members[position].Value)).Take(count).ToList();
                listed = chosen.ToArray();
                break;
            }
            default:
            {
                // Every member: the first of each value kept, later ones (another group's) excluded.
                var values = new HashSet<BigInteger>();
                chosen = registers.Where(position => values.Add(members[position].Value)).ToList();
                if (chosen.Count > 1024)
                {
                    chosen = chosen.Take(1024).ToList();
                }
                break;
            }
        }

        var excluded = new List<int>();
        foreach (var position in chosen.OrderBy(_ => random.Next()).Take(random.Next(3) == 0 ? random.Next(1, 3) : 0).ToList())
        {
            if (chosen.Count - excluded.Count > 1)
            {
                excluded.Add(position);
            }
        }
        if (choice == ClassChoice.Every)
        {
            // Everything the class must not hold: sentinels need no Exclude ([NotARegister]); the rest do.
            excluded.AddRange(Enumerable.Range(0, members.Length).Where(position => !members[position].IsSentinel && !chosen.Contains(position)));
            excluded = excluded.OrderBy(_ => random.Next()).ToList();
        }
        var bits = chosen.Where(position => !excluded.Contains(position) && !members[position].IsSentinel).ToArray();

        var fitting = ClassCase.SupportedWidths.First(width => width >= bits.Length);
        // Mostly the width that fits, written or not; now and then a wider one, up to 1024.
        var wider = ClassCase.SupportedWidths.Where(width => width > fitting).ToArray();
        int? written = random.Next(10) switch
        {
            < 4 => null,
            4 => 0,
            var draw when draw >= 9 && wider.Length > 0 => wider[random.Next(wider.Length)],
            _ => fitting,
        };
        return new ClassModel(MaskNames[k], holder, choice, from, to, listed, excluded.ToArray(), written, Cached: random.Next(3) == 0, bits);
    }

    /// <summary>A set of a random class, placed where it finds that class; null when nowhere does (two classes holding the same members).</summary>
    private static ClassSetModel? DrawSet(Random random, ClassEnumMember[] members, List<ClassModel> classes, List<ClassSetModel> earlier, int number)
    {
        var k = random.Next(classes.Count);
        var n = classes[k].Bits.Length;
        var listed = Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(n)).Distinct().ToList();
        (int, int)? range = null;
        if (random.Next(3) == 0)
        {
            int a = random.Next(n), b = random.Next(n);
            range = (Math.Min(a, b), Math.Max(a, b));
            listed.RemoveAll(bit => bit >= Math.Min(a, b) && bit <= Math.Max(a, b));
        }
        var ofClass = earlier.Where(set => set.Class == k).ToList();
        var includes = ofClass.Count == 0 ? new List<string>() : Enumerable.Range(0, random.Next(3)).Select(_ => ofClass[random.Next(ofClass.Count)].Name).Distinct().ToList();
        if (random.Next(8) == 0)
        {
            includes.Add("All");
        }
        var draft = new ClassSetModel($"S{number}", k, SetPlacement.OnHolder, listed.ToArray(), range, includes.ToArray(), Array.Empty<int>(), Ordered: random.Next(3) == 0);
        var model = new ClassCase(0, "", false, "", "", "", false, members, Array.Empty<bool>(), classes.ToArray(), earlier.ToArray());
        var before = model.Value(draft);
        if (before.Count == 0)
        {
            draft = draft with { Listed = new[] { random.Next(n) } };
            before = model.Value(draft);
        }
        // Excluded registers are in the set before the exclusion (else RM0012), and leave one (else RM0013).
        var excluded = before.OrderBy(_ => random.Next()).Take(random.Next(3) == 0 ? Math.Min(2, before.Count - 1) : 0).ToArray();
        draft = draft with { Excluded = excluded };

        foreach (var placement in new[] { SetPlacement.OnHolder, SetPlacement.NamesHolder, SetPlacement.ByMember }.OrderBy(_ => random.Next()))
        {
            if (FindsItsClass(model, draft with { Placement = placement }))
            {
                return draft with { Placement = placement };
            }
        }
        return null;
    }

    /// <summary>
    /// Whether the set's class is decided, and is its own: by its holder's classes or the enum's, the one
    /// holding every member it names; naming none, by the sets it includes (All aside).
    /// </summary>
    private static bool FindsItsClass(ClassCase model, ClassSetModel set)
    {
        var named = model.Named(set).ToList();
        var fromIncludes = named.Count == 0 && set.Includes.Any(include => include != "All") && set.Placement != SetPlacement.NamesHolder;
        if (fromIncludes)
        {
            return true;
        }
        if (named.Count == 0 && set.Placement == SetPlacement.ByMember)
        {
            return false;
        }
        var candidates = set.Placement == SetPlacement.ByMember ? model.Classes : model.OnHolder(model.Classes[set.Class].Holder);
        var holding = candidates.Where(candidate => named.All(candidate.Bits.Contains)).ToList();
        return holding.Count == 1 && ReferenceEquals(holding[0], model.Classes[set.Class]);
    }

    /// <summary>A uniform-enough draw from [min, max].</summary>
    private static BigInteger Between(Random random, BigInteger min, BigInteger max)
    {
        var span = max - min + 1;
        var bytes = new byte[9];
        random.NextBytes(bytes);
        bytes[8] = 0;
        return min + new BigInteger(bytes) % span;
    }
}
