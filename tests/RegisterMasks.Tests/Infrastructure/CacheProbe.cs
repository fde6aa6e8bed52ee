namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// A register cache with values (<c>ValueType</c>), compiled beside the generated code and driven
/// by seeded random operations against a reference model of KVM's rules: the masks, the values
/// <c>Read</c> returns, and every <c>LoadRegister</c>/<c>StoreRegister</c> call, in order. Written
/// against the mask API alone, so the same text serves enum and struct masks.
/// </summary>
internal static class CacheProbe
{
    /// <param name="asClass">For a register class's mask: its bits' registers, its conversion and its holder, which the cache names.</param>
    public static string For(string enumName, string maskName, ClassIndexing? asClass = null) => $$"""
        using System.Collections.Generic;
        using System.Linq;

        [RegisterMasking.RegisterCache(typeof({{Probe.CacheOf(enumName, asClass) ?? throw new ArgumentException("a cache needs one class on its holder", nameof(asClass))}}), ValueType = typeof(ulong))]
        public sealed partial class ValueCache
        {
            public readonly List<string> Calls = new List<string>();
            public ulong NextLoad;

            partial void LoadRegister({{enumName}} register, ref ulong value)
            {
                Calls.Add("load " + CacheProbe.Bit(register));
                value = NextLoad;
            }

            partial void StoreRegister({{enumName}} register, ulong value)
            {
                Calls.Add("store " + CacheProbe.Bit(register) + "=" + value);
            }
        }

        public static class CacheProbe
        {
        {{Probe.Indexing(enumName, asClass)}}

            public static string Check(int seed, int count)
            {
                var random = new System.Random(seed);
                var registers = {{maskName}}.All.Registers().Select(r => Bit(r)).ToList();
                var cache = new ValueCache();
                var values = new Dictionary<int, ulong>();
                var available = new SortedSet<int>();
                var dirty = new SortedSet<int>();
                var calls = new List<string>();
                {{maskName}} Some(List<int> picked)
                {
                    var mask = {{maskName}}.None;
                    foreach (int index in picked) mask = mask.With(At(index));
                    return mask;
                }
                for (int i = 0; i < count; i++)
                {
                    int index = registers[random.Next(registers.Count)];
                    var register = At(index);
                    var picked = registers.Where(_ => random.Next(3) == 0).ToList();
                    int operation = random.Next(9);
                    string at = $"step {i} (operation {operation}, register {index}): ";
                    switch (operation)
                    {
                        case 0:
                            cache.NextLoad = (ulong)random.Next();
                            if (!available.Contains(index)) { calls.Add("load " + index); values[index] = cache.NextLoad; available.Add(index); }
                            ulong expected = values.TryGetValue(index, out var held) ? held : 0;
                            if (cache.Read(register) != expected) return at + "Read";
                            break;
                        case 1:
                            ulong written = (ulong)random.Next();
                            cache.Write(register, written);
                            values[index] = written; available.Add(index); dirty.Add(index);
                            break;
                        case 2:
                            cache.WriteBackDirty();
                            foreach (int d in dirty) calls.Add("store " + d + "=" + (values.TryGetValue(d, out var v) ? v : 0));
                            dirty.Clear();
                            break;
                        case 3:
                            cache.ClearAvailable(Some(picked));
                            available.ExceptWith(picked); dirty.ExceptWith(picked);
                            break;
                        case 4:
                            cache.ResetDirty();
                            dirty.Clear();
                            break;
                        case 5:
                            if (cache.TestAndMarkAvailable(register) != available.Contains(index)) return at + "TestAndMarkAvailable";
                            available.Add(index);
                            break;
                        case 6:
                            cache.Reset(Some(picked));
                            available = new SortedSet<int>(picked); dirty.Clear();
                            break;
                        case 7:
                            cache.MarkDirty(register);
                            available.Add(index); dirty.Add(index);
                            break;
                        default:
                            if (!cache.TakeDirty().Registers().Select(r => Bit(r)).SequenceEqual(dirty)) return at + "TakeDirty";
                            dirty.Clear();
                            break;
                    }
                    if (!cache.Dirty.IsSubsetOf(cache.Available)) return at + "Dirty is not within Available";
                    if (!cache.Available.Registers().Select(r => Bit(r)).SequenceEqual(available)) return at + "Available differs from the model";
                    if (!cache.Dirty.Registers().Select(r => Bit(r)).SequenceEqual(dirty)) return at + "Dirty differs from the model";
                    if (!cache.Calls.SequenceEqual(calls)) return at + "calls differ: " + string.Join("; ", cache.Calls) + " vs " + string.Join("; ", calls);
                }
                return "";
            }

            public static ulong Sink;

            /// <summary>Bytes allocated by a thousand writes and reads of an available register, after a warm-up.</summary>
            public static long AllocatedByReadAndWrite()
            {
                var cache = new ValueCache();
                var register = {{maskName}}.All.Registers().First();
                cache.Write(register, 1);
                Sink += cache.Read(register);
                long before = System.GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 1000; i++)
                {
                    cache.Write(register, (ulong)i);
                    Sink += cache.Read(register);
                }
                return System.GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
        """;
}
