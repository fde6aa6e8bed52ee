namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// C# compiled beside a wide (struct) mask: each check builds random masks register by register and
/// compares every member with a reference model kept as plain <c>ulong[]</c> words.
/// </summary>
internal static class WideProbe
{
    /// <param name="asClass">For a register class's mask: its bits' registers, its conversion and its cache's holder.</param>
    public static string For(string enumName, string maskName, int width, ClassIndexing? asClass = null) => $$"""
        using System.Collections.Generic;
        using System.Linq;

        {{(Probe.CacheOf(enumName, asClass) is { } cacheOf ? $"[RegisterMasking.RegisterCache(typeof({cacheOf}))]\npublic partial struct WideCache\n{{\n}}" : "")}}

        public static class WideProbe
        {
            private const int Words = {{width / 64}};

        {{Probe.Indexing(enumName, asClass)}}

            private static List<int> Registers() => {{maskName}}.All.Registers().Select(r => Bit(r)).ToList();

            private static (ulong[] Model, {{maskName}} Mask) Next(System.Random random, List<int> registers)
            {
                var model = new ulong[Words];
                var mask = {{maskName}}.None;
                int count = random.Next(4) == 0 ? registers.Count : random.Next(registers.Count / 2 + 1);
                for (int i = 0; i < count; i++)
                {
                    int index = registers[random.Next(registers.Count)];
                    model[index >> 6] |= 1UL << (index & 63);
                    mask = mask.With(At(index));
                }
                if (random.Next(5) == 0) { model = new ulong[Words]; mask = {{maskName}}.None; }
                return (model, mask);
            }

            /// <summary>The registers of the last word.</summary>
            private static {{maskName}} LastWord()
            {
                var last = {{maskName}}.None;
                foreach (var register in {{maskName}}.All.Registers())
                {
                    if (Bit(register) >= (Words - 1) * 64) last = last.With(register);
                }
                return last;
            }

        {{Probe.PairsProblem(enumName, maskName)}}

            private static List<int> Indices(ulong[] model) =>
                Enumerable.Range(0, Words * 64).Where(i => ((model[i >> 6] >> (i & 63)) & 1) != 0).ToList();

            private static string Text(ulong[] model, List<int> all, System.Func<int, string> name)
            {
                var indices = Indices(model);
                if (indices.SequenceEqual(all)) return "All";
                return indices.Count == 0 ? "None" : string.Join(", ", indices.Select(name));
            }

            public static string Check(int seed, int count)
            {
                var random = new System.Random(seed);
                var registers = Registers();
                var names = registers.ToDictionary(i => i, i => At(i).{{Probe.ToMask(asClass)}}().ToStringFast());
                for (int n = 0; n < count; n++)
                {
                    var (a, mask) = Next(random, registers);
                    var (b, other) = Next(random, registers);
                    int index = registers[random.Next(registers.Count)];
                    var register = At(index);
                    string at = $"case {n}, register {index}: ";
                    var ia = Indices(a);
                    var ib = Indices(b);

                    if (mask.Count() != ia.Count) return at + "Count";
                    if (mask.Contains(register) != ia.Contains(index)) return at + "Contains";
                    if (mask.With(register).Count() != ia.Union(new[] { index }).Count()) return at + "With";
                    if (mask.Without(register).Contains(register) || mask.Without(register).Count() != ia.Count(i => i != index)) return at + "Without";
                    if (!mask.Registers().Select(r => Bit(r)).SequenceEqual(ia)) return at + "Registers";
                    if (!mask.Complement().Registers().Select(r => Bit(r)).SequenceEqual(registers.Except(ia))) return at + "Complement";
                    if ((~mask) != mask.Complement() || ((mask | ~mask) != {{maskName}}.All) || (mask & ~mask) != {{maskName}}.None) return at + "~";
                    if (!(mask | other).Registers().Select(r => Bit(r)).SequenceEqual(ia.Union(ib).OrderBy(i => i))) return at + "|";
                    if (!(mask & other).Registers().Select(r => Bit(r)).SequenceEqual(ia.Intersect(ib).OrderBy(i => i))) return at + "&";
                    if (!(mask ^ other).Registers().Select(r => Bit(r)).SequenceEqual(ia.Union(ib).Except(ia.Intersect(ib)).OrderBy(i => i))) return at + "^";
                    if (mask.IsSubsetOf(other) != ia.All(ib.Contains)) return at + "IsSubsetOf";

                    // Version 2: reading a mask as allocators do.
                    if (mask.IsEmpty() != (ia.Count == 0)) return at + "IsEmpty";
                    if (mask.IsSupersetOf(other) != ib.All(ia.Contains)) return at + "IsSupersetOf";
                    if (mask.TryGetSingle(out var single) != (ia.Count == 1) || (ia.Count == 1 && Bit(single) != ia[0]) || (ia.Count != 1 && single != default({{enumName}}))) return at + "TryGetSingle";
                    if (mask.TryGetLowest(out var lowest) != (ia.Count > 0) || (ia.Count > 0 && Bit(lowest) != ia[0])) return at + "TryGetLowest";
                    if (mask.TryGetHighest(out var highest) != (ia.Count > 0) || (ia.Count > 0 && Bit(highest) != ia[ia.Count - 1])) return at + "TryGetHighest";
                    if (!mask.RegistersDescending().Select(r => Bit(r)).SequenceEqual(Enumerable.Reverse(ia))) return at + "RegistersDescending";
                    var popped = new List<int>();
                    var rest = mask;
                    while (rest.TryPopLowest(out var next)) popped.Add(Bit(next));
                    if (!popped.SequenceEqual(ia) || rest != {{maskName}}.None) return at + "TryPopLowest";

                    // Version 3: a packed save area's slot, and pairs for paired stores.
                    if (mask.IndexOf(register) != (ia.Contains(index) ? ia.Count(i => i < index) : -1)) return at + "IndexOf " + mask.IndexOf(register);
                    var pairsProblem = PairsProblem(mask.Pairs(), ia);
                    if (pairsProblem.Length > 0) return at + "Pairs: " + pairsProblem;

                    // Version 2: words in and out, one rule for bits that name no register.
                    var words = mask.ToWords();
                    if ({{maskName}}.WordCount != Words || !words.SequenceEqual(a)) return at + "ToWords";
                    if ({{maskName}}.FromWords(words) != mask || !{{maskName}}.TryFromWords(words, out var fromWords) || fromWords != mask) return at + "FromWords";
                    if ({{maskName}}.FromWords(words.Take(Words - 1).ToArray()) != (mask & ~LastWord())) return at + "FromWords, a word short";
                    var stray = words.Concat(new[] { 1UL << random.Next(64) }).ToArray();
                    if ({{maskName}}.TryFromWords(stray, out fromWords) || fromWords != {{maskName}}.None || {{maskName}}.FromWordsTruncate(stray) != mask) return at + "TryFromWords with a stray word";
                    try
                    {
                        {{maskName}}.FromWords(stray);
                        return at + "FromWords accepted a stray word";
                    }
                    catch (System.ArgumentOutOfRangeException)
                    {
                    }
                    // Version 2, where the target has spans: the same words, in and out of spans.
                    var copied = new ulong[Words + 1];
                    mask.CopyTo(copied);
                    if (!copied.Take(Words).SequenceEqual(words) || copied[Words] != 0UL) return at + "CopyTo";
                    if ({{maskName}}.FromWords(new System.ReadOnlySpan<ulong>(words)) != mask || !{{maskName}}.TryFromWords(new System.ReadOnlySpan<ulong>(words), out var fromSpan) || fromSpan != mask) return at + "FromWords over a span";
                    if ({{maskName}}.TryFromWords(new System.ReadOnlySpan<ulong>(stray), out fromSpan) || {{maskName}}.FromWordsTruncate(new System.ReadOnlySpan<ulong>(stray)) != mask) return at + "TryFromWords over a span, with a stray word";
                    try
                    {
                        mask.CopyTo(new ulong[Words - 1]);
                        return at + "CopyTo accepted a short destination";
                    }
                    catch (System.ArgumentException)
                    {
                    }
                    if (mask.Overlaps(other) != ia.Any(ib.Contains)) return at + "Overlaps";
                    if ((mask == other) != ia.SequenceEqual(ib) || mask.Equals(other) != ia.SequenceEqual(ib) || mask.Equals((object)other) != ia.SequenceEqual(ib)) return at + "==";
                    if (ia.SequenceEqual(ib) && mask.GetHashCode() != other.GetHashCode()) return at + "GetHashCode";
                    if (mask.ToStringFast() != Text(a, registers, i => names[i]) || mask.ToString() != mask.ToStringFast()) return at + "ToStringFast: " + mask.ToStringFast();
                    if (!{{maskName}}Extensions.TryParse(mask.ToStringFast(), out var parsed) || parsed != mask) return at + "TryParse round trip";
                    var hex = "0x" + string.Concat(a.Reverse().Select(w => w.ToString("X16")));
                    if (!{{maskName}}Extensions.TryParse(hex, out parsed) || parsed != mask) return at + "TryParse hex " + hex;
        {{CacheCheck(enumName, maskName, asClass)}}
                }
                return "";
            }
        }
        """;

    /// <summary>The register cache's step of the check, where the mask has a cache (a class's holder of several classes has none).</summary>
    private static string CacheCheck(string enumName, string maskName, ClassIndexing? asClass) => Probe.CacheOf(enumName, asClass) is null ? "" : $$"""
                    var cache = new WideCache();
                    cache.Reset(other);
                    cache.MarkDirty(register);
                    if (!cache.Dirty.IsSubsetOf(cache.Available) || cache.TakeDirty() != register.{{Probe.ToMask(asClass)}}() || cache.Dirty != {{maskName}}.None) return at + "cache";
        """;
}
