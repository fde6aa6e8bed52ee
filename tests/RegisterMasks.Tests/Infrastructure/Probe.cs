namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// C# compiled beside the generated code to exercise it from inside: each check compares a
/// generated member with plain <c>ulong</c> arithmetic on seeded random values and returns the
/// first disagreement ("" when there is none).
/// </summary>
internal static class Probe
{
    /// <summary>
    /// The probes' two conversions between a register and its bit, as C# members of the probe class:
    /// a register file's bit is its value (<paramref name="asClass"/> null); a class's is its place in the
    /// class, which the caller's reference model lists.
    /// </summary>
    internal static string Indexing(string enumName, ClassIndexing? asClass) => asClass is null
        ? $$"""
                internal static int Bit({{enumName}} register) => (int)register;
                internal static {{enumName}} At(int bit) => ({{enumName}})bit;
            """
        : $$"""
                private static readonly {{enumName}}[] s_registersByBit = { {{string.Join(", ", asClass.RegistersByBit)}} };

                // A value no bit of the class has reads as a negative number of its own.
                internal static int Bit({{enumName}} register)
                {
                    int bit = System.Array.IndexOf(s_registersByBit, register);
                    return bit >= 0 ? bit : -1 - (int)((ulong)register & 0xFFFFFFUL);
                }

                // A bit past the class's registers (a mask cast from a number) reads as the value that many past the last register's.
                internal static {{enumName}} At(int bit) => bit < s_registersByBit.Length
                    ? s_registersByBit[bit]
                    : unchecked(({{enumName}})((ulong)s_registersByBit[s_registersByBit.Length - 1] + (ulong)(bit - s_registersByBit.Length + 1)));
            """;

    /// <summary>The <c>[RegisterCache]</c> target: the enum of a file; for a class, its holder, or none (a holder of several classes).</summary>
    internal static string? CacheOf(string enumName, ClassIndexing? asClass) => asClass is null ? enumName : asClass.CacheHolder;

    /// <summary>The conversion of a register to the mask: <c>ToMask</c> for a file, <c>To{Mask}</c> for a class.</summary>
    internal static string ToMask(ClassIndexing? asClass) => asClass?.ToMask ?? "ToMask";

    /// <summary>The mask enum's underlying type at a width, as the generator picks it.</summary>
    private static string Underlying(int width) => width switch { 8 => "byte", 16 => "ushort", 32 => "uint", _ => "ulong" };

    /// <summary>
    /// The check of <c>Pairs()</c> both probes compile, as C#: what is wrong with the pairs ("" when nothing),
    /// against the registers the mask holds in ascending order.
    /// </summary>
    internal static string PairsProblem(string enumName, string maskName) => $$"""
            /// <summary>What is wrong with the pairs ("" when nothing): the registers in order, two per pair, and only the last alone.</summary>
            private static string PairsProblem(IEnumerable<{{maskName}}Extensions.RegisterPair> pairs, List<int> expected)
            {
                var flat = new List<int>();
                var alone = false;
                foreach (var pair in pairs)
                {
                    if (alone) return "a pair after one without a second";
                    flat.Add(Bit(pair.First));
                    if (pair.HasSecond) flat.Add(Bit(pair.Second));
                    else { alone = true; if (!pair.Second.Equals(default({{enumName}}))) return "a missing second is not the default"; }
                }
                if (!flat.SequenceEqual(expected)) return string.Join(",", flat);
                if (alone != (expected.Count % 2 == 1)) return "the last pair's HasSecond";
                return "";
            }
        """;

    /// <param name="asClass">For a register class's mask: its bits' registers, its conversion and its cache's holder.</param>
    public static string For(string enumName, string maskName, int width, ClassIndexing? asClass = null) => $$"""
        using System.Collections.Generic;
        using System.Linq;

        {{(CacheOf(enumName, asClass) is { } cacheOf ? $"[RegisterMasking.RegisterCache(typeof({cacheOf}))]\npublic partial struct Cache\n{{\n}}" : "")}}

        public static class Probe
        {
            private const int Width = {{width}};

        {{Indexing(enumName, asClass)}}

            private static ulong WordMask => Width == 64 ? ulong.MaxValue : (1UL << Width) - 1;

            private static ulong AllBits => (ulong){{maskName}}.All;

            // Every shape of value: registers only, one register, none, all, and undefined bits.
            private static ulong Next(System.Random random)
            {
                ulong raw = (((ulong)(uint)random.Next() << 33) ^ ((ulong)(uint)random.Next() << 11) ^ (ulong)(uint)random.Next()) & WordMask;
                switch (random.Next(6))
                {
                    case 0: return raw & AllBits;
                    case 1: ulong some = raw & AllBits; return some & (0UL - some);
                    case 2: return 0;
                    case 3: return AllBits;
                    default: return raw;
                }
            }

            private static List<int> Indices(ulong bits) => Enumerable.Range(0, 64).Where(i => ((bits >> i) & 1) != 0).ToList();

        {{PairsProblem(enumName, maskName)}}

            public static string CheckToStringFast(int seed, int count)
            {
                var random = new System.Random(seed);
                for (int i = 0; i < count; i++)
                {
                    var mask = ({{maskName}})Next(random);
                    if (mask.ToStringFast() != mask.ToString())
                    {
                        return $"0x{(ulong)mask:X}: ToStringFast() = '{mask.ToStringFast()}', ToString() = '{mask}'";
                    }
                }
                return "";
            }

            public static string CheckTryParseRoundTrip(int seed, int count)
            {
                var random = new System.Random(seed);
                for (int i = 0; i < count; i++)
                {
                    var mask = ({{maskName}})Next(random);
                    var text = mask.ToStringFast();
                    if (!{{maskName}}Extensions.TryParse(text, out var parsed) || parsed != mask)
                    {
                        return $"0x{(ulong)mask:X}: '{text}' parsed as {parsed.ToStringFast()}";
                    }
                    var piped = "  " + text.Replace(", ", " |  ") + " ";
                    if (!{{maskName}}Extensions.TryParse(piped, out parsed) || parsed != mask)
                    {
                        return $"0x{(ulong)mask:X}: '{piped}' parsed as {parsed.ToStringFast()}";
                    }
                    if ((((ulong)mask) & ~AllBits) == 0 && (!{{maskName}}Extensions.TryParse($" 0x{(ulong)mask:x} ", out parsed) || parsed != mask))
                    {
                        return $"0x{(ulong)mask:X}: hex did not parse back";
                    }
                }
                return "";
            }

            public static string CheckOperations(int seed, int count)
            {
                var random = new System.Random(seed);
                var registers = Indices(AllBits);
                for (int i = 0; i < count; i++)
                {
                    ulong a = Next(random), b = Next(random);
                    int index = registers[random.Next(registers.Count)];
                    var mask = ({{maskName}})a;
                    var other = ({{maskName}})b;
                    var register = At(index);
                    ulong bit = 1UL << index;
                    string at = $"a=0x{a:X} b=0x{b:X} register={index}: ";

                    if ((ulong)register.{{ToMask(asClass)}}() != bit) return at + "ToMask";
                    if (mask.Contains(register) != ((a & bit) != 0)) return at + "Contains";
                    if ((ulong)mask.With(register) != (a | bit)) return at + "With";
                    if ((ulong)mask.Without(register) != (a & ~bit)) return at + "Without";
                    if (mask.Count() != Indices(a).Count) return at + "Count";
                    if ((ulong)mask.Complement() != (AllBits & ~a)) return at + "Complement";
                    if (mask.IsSubsetOf(other) != ((a & ~b) == 0)) return at + "IsSubsetOf";
                    if (mask.Overlaps(other) != ((a & b) != 0)) return at + "Overlaps";
                    // The registers the bits read as: a file's bit is its value's; a class's, past its registers, reads on from the last.
                    var held = Indices(a);
                    var read = held.Select(i => Bit(At(i))).ToList();
                    var listed = new List<int>();
                    foreach (var r in mask.Registers()) listed.Add(Bit(r));
                    if (!listed.SequenceEqual(read)) return at + "Registers: " + string.Join(",", listed);
                    if (!mask.Registers().Select(r => Bit(r)).SequenceEqual(read)) return at + "Registers as IEnumerable";

                    // Version 2: reading a mask as allocators do.
                    if (mask.IsEmpty() != (a == 0)) return at + "IsEmpty";
                    if (mask.IsSupersetOf(other) != ((b & ~a) == 0)) return at + "IsSupersetOf";
                    if (mask.TryGetSingle(out var single) != (held.Count == 1) || (held.Count == 1 && Bit(single) != read[0]) || (held.Count != 1 && single != default({{enumName}}))) return at + "TryGetSingle";
                    if (mask.TryGetLowest(out var lowest) != (held.Count > 0) || (held.Count > 0 && Bit(lowest) != read[0])) return at + "TryGetLowest";
                    if (mask.TryGetHighest(out var highest) != (held.Count > 0) || (held.Count > 0 && Bit(highest) != read[read.Count - 1])) return at + "TryGetHighest";
                    var descending = new List<int>();
                    foreach (var r in mask.RegistersDescending()) descending.Add(Bit(r));
                    if (!descending.SequenceEqual(Enumerable.Reverse(read))) return at + "RegistersDescending: " + string.Join(",", descending);
                    if (!mask.RegistersDescending().Select(r => Bit(r)).SequenceEqual(Enumerable.Reverse(read))) return at + "RegistersDescending as IEnumerable";
                    var popped = new List<int>();
                    var rest = mask;
                    while (rest.TryPopLowest(out var next)) popped.Add(Bit(next));
                    if (!popped.SequenceEqual(read) || rest != {{maskName}}.None) return at + "TryPopLowest: " + string.Join(",", popped);

                    // Version 3: a packed save area's slot, and pairs for paired stores.
                    if (mask.IndexOf(register) != ((a & bit) != 0 ? held.Count(i => i < index) : -1)) return at + "IndexOf " + mask.IndexOf(register);
                    var pairsProblem = PairsProblem(mask.Pairs(), read);
                    if (pairsProblem.Length > 0) return at + "Pairs: " + pairsProblem;

                    // Version 2: raw bits in and out, one rule for bits that name no register.
                    bool unknown = (a & ~AllBits) != 0;
                    if ((ulong)mask.ToBits() != a) return at + "ToBits";
                    if (mask.HasUnknownBits() != unknown) return at + "HasUnknownBits";
                    if ((ulong)mask.Truncate() != (a & AllBits)) return at + "Truncate";
                    if ((ulong){{maskName}}Extensions.FromBitsTruncate(({{Underlying(width)}})a) != (a & AllBits)) return at + "FromBitsTruncate";
                    if ({{maskName}}Extensions.TryFromBits(({{Underlying(width)}})a, out var fromBits) == unknown || (ulong)fromBits != (unknown ? 0UL : a)) return at + "TryFromBits";
                    try
                    {
                        if ((ulong){{maskName}}Extensions.FromBits(({{Underlying(width)}})a) != a || unknown) return at + "FromBits accepted an unknown bit";
                    }
                    catch (System.ArgumentOutOfRangeException) when (unknown)
                    {
                    }
                }
                return "";
            }

        {{(CacheOf(enumName, asClass) is null ? "" : CheckCache(enumName, maskName, asClass))}}
            public static long AllocatedByRegisters(ulong bits)
            {
                var mask = ({{maskName}})bits;
                long sum = 0;
                foreach (var r in mask.Registers()) sum += (int)r; // warm up
                long before = System.GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 1000; i++)
                {
                    foreach (var r in mask.Registers()) sum += (int)r;
                }
                return System.GC.GetAllocatedBytesForCurrentThread() - before + (sum < 0 ? 1 : 0);
            }
        }
        """;

    /// <summary>The check of the register cache without values: KVM's avail/dirty rules against two <c>ulong</c>s.</summary>
    private static string CheckCache(string enumName, string maskName, ClassIndexing? asClass) => $$"""
            // KVM's avail/dirty rules, as a reference: Dirty must stay a subset of Available.
            public static string CheckCache(int seed, int count)
            {
                var random = new System.Random(seed);
                var registers = Indices(AllBits);
                var cache = new Cache();
                ulong available = 0, dirty = 0;
                for (int i = 0; i < count; i++)
                {
                    int index = registers[random.Next(registers.Count)];
                    var register = At(index);
                    ulong bit = 1UL << index;
                    int operation = random.Next(5);
                    switch (operation)
                    {
                        case 0: cache.MarkAvailable(register); available |= bit; break;
                        case 1: cache.MarkDirty(register); available |= bit; dirty |= bit; break;
                        case 2: ulong fresh = Next(random); cache.Reset(({{maskName}})fresh); available = fresh & AllBits; dirty = 0; break;
                        case 3: if ((ulong)cache.TakeDirty() != dirty) return $"step {i}: TakeDirty"; dirty = 0; break;
                        default: break;
                    }
                    string at = $"step {i} (operation {operation}, register {index}): ";
                    if (((ulong)cache.Dirty & ~(ulong)cache.Available) != 0) return at + "Dirty is not a subset of Available";
                    if ((ulong)cache.Available != available || (ulong)cache.Dirty != dirty) return at + "masks differ from the model";
                    if (cache.IsAvailable(register) != ((available & bit) != 0) || cache.IsDirty(register) != ((dirty & bit) != 0)) return at + "Is* differ";
                }
                return "";
            }
        """;
}

/// <summary>What a probe needs to know of a register class's mask, where a file's is implied.</summary>
/// <param name="ToMask">The conversion of a register, <c>To{Mask}</c>.</param>
/// <param name="RegistersByBit">C# expressions of the class's registers, bit 0 first, from the reference model.</param>
/// <param name="CacheHolder">The holder for <c>[RegisterCache(typeof(...))]</c>; null when it bears several classes.</param>
internal sealed record ClassIndexing(string ToMask, string[] RegistersByBit, string? CacheHolder);
