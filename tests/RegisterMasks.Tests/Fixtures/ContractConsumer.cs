namespace RegisterMasks.Tests.Fixtures;

/// <summary>
/// A consumer written from the contract (docs/contract.md) alone: the mask API for allocators, caches
/// and tools, aliases, ordered sets, partitions, JSON and the cache's values, and two rules of
/// [RegisterSet] (a set of includes only takes its file from them; a set name may be a keyword), every
/// member with the name and shape the contract gives. It checks what the contract promises and prints
/// one line per failed promise, then a count; exit code 1 on any failure.
/// </summary>
internal static class ContractConsumer
{
    public const string Program = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text.Json;
        using RegisterMasking;

        namespace Consumer;

        [RegisterFile(32)]
        public enum VcpuReg
        {
            RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI,
            RIP = 16,
            CR3 = 19,
            [RegisterAlias] ERAPS = 19,          // "KVM lets VCPU_EXREG_ERAPS share CR3's bit"
        }

        [RegisterFile(128)]
        public enum WideReg { W0, W1, W63 = 63, W64 = 64, W100 = 100 }

        [RegisterSet("GPRS", From = VcpuReg.RAX, To = VcpuReg.RDI)]
        [RegisterSet("CALLEE_SAVED", VcpuReg.RBX, VcpuReg.RBP, Ordered = true)]
        [RegisterSet("CALLER_SAVED", VcpuReg.RAX, VcpuReg.RCX, VcpuReg.RDX, VcpuReg.RSP, VcpuReg.RSI, VcpuReg.RDI)]
        [RegisterSet("SAVE_LIST", VcpuReg.RIP, Include = new[] { "CALLEE_SAVED", "CALLER_SAVED" }, Ordered = true)]
        [RegisterSet("EVERYTHING", Include = new[] { "GPRS", "SAVE_LIST" })]      // a set of includes only: its file from theirs
        [RegisterSet("namespace", VcpuReg.CR3)]                                   // a keyword set name
        public static partial class Abi { }

        [RegisterSetsPartition(nameof(Abi.GPRS), nameof(Abi.CALLEE_SAVED), nameof(Abi.CALLER_SAVED))]
        public static class Facts { }

        [RegisterCache(typeof(VcpuReg), ValueType = typeof(ulong))]
        public sealed partial class Vcpu
        {
            public readonly List<string> Log = new List<string>();
            partial void LoadRegister(VcpuReg register, ref ulong value) { Log.Add("load " + register); value = 0x1000UL + (ulong)register; }
            partial void StoreRegister(VcpuReg register, ulong value) { Log.Add("store " + register + "=" + value); }
        }

        public static class Program
        {
            private static int s_failed;
            private static int s_checked;

            private static void Check(bool promise, string what)
            {
                s_checked++;
                if (!promise)
                {
                    s_failed++;
                    Console.WriteLine("FAILED: " + what);
                }
            }

            public static int Main()
            {
                ReadingLikeAnAllocator();
                RawBits();
                Words();
                AliasesOrderAndAmendments();
                Json();
                Cache();
                Console.WriteLine($"contract: {s_checked - s_failed} of {s_checked} checks passed");
                return s_failed == 0 ? 0 : 1;
            }

            private static void ReadingLikeAnAllocator()
            {
                var free = VcpuRegMask.RCX | VcpuRegMask.RBX | VcpuRegMask.RDI;
                Check(!free.IsEmpty() && VcpuRegMask.None.IsEmpty(), "IsEmpty");
                Check(free.IsSupersetOf(VcpuRegMask.RBX) && !free.IsSupersetOf(VcpuRegMask.RAX), "IsSupersetOf");
                Check(!free.TryGetSingle(out _) && VcpuRegMask.RIP.TryGetSingle(out var single) && single == VcpuReg.RIP, "TryGetSingle: exactly one register");
                Check(free.TryGetLowest(out var lowest) && lowest == VcpuReg.RCX && !VcpuRegMask.None.TryGetLowest(out _), "TryGetLowest, false when empty");
                Check(free.TryGetHighest(out var highest) && highest == VcpuReg.RDI, "TryGetHighest");
                var popped = new List<VcpuReg>();
                var rest = free;
                while (rest.TryPopLowest(out var r)) popped.Add(r);
                Check(popped.SequenceEqual(new[] { VcpuReg.RCX, VcpuReg.RBX, VcpuReg.RDI }) && rest.IsEmpty(), "TryPopLowest takes the lowest out");
                var descending = new List<VcpuReg>();
                foreach (var r in free.RegistersDescending()) descending.Add(r);
                Check(descending.SequenceEqual(new[] { VcpuReg.RDI, VcpuReg.RBX, VcpuReg.RCX }), "RegistersDescending: highest index first");
                var wide = WideRegMask.W1 | WideRegMask.W100;
                Check(wide.TryGetHighest(out var wideHighest) && wideHighest == WideReg.W100 && wide.IsSupersetOf(WideRegMask.W1), "struct masks alike");
            }

            private static void RawBits()
            {
                var mask = VcpuRegMask.RAX | VcpuRegMask.RIP;
                uint bits = mask.ToBits();
                Check(bits == 0x10001u, "ToBits: the underlying integer, unchanged");
                Check(VcpuRegMaskExtensions.FromBits(0x3u) == (VcpuRegMask.RAX | VcpuRegMask.RCX), "FromBits");
                var threw = false;
                try { VcpuRegMaskExtensions.FromBits(0x8000_0000u); } catch (ArgumentOutOfRangeException) { threw = true; }
                Check(threw, "FromBits: ArgumentOutOfRangeException when a bit names no register");
                Check(!VcpuRegMaskExtensions.TryFromBits(0x8000_0000u, out var none) && none == VcpuRegMask.None && VcpuRegMaskExtensions.TryFromBits(0x1u, out var rax) && rax == VcpuRegMask.RAX, "TryFromBits");
                Check(VcpuRegMaskExtensions.FromBitsTruncate(0x8000_0001u) == VcpuRegMask.RAX, "FromBitsTruncate drops bits that name no register");
                Check((~mask).HasUnknownBits() && !mask.HasUnknownBits(), "HasUnknownBits");
                Check((~mask).Truncate() == (VcpuRegMask.All & ~mask), "Truncate: mask & All");
            }

            private static void Words()
            {
                var mask = WideRegMask.W0 | WideRegMask.W64 | WideRegMask.W100;
                const int count = WideRegMask.WordCount;
                ulong[] words = mask.ToWords();
                Check(count == 2 && words.Length == 2 && words[0] == 1UL && words[1] == (1UL | (1UL << 36)), "WordCount, ToWords");
                Check(WideRegMask.FromWords(words) == mask && WideRegMask.TryFromWords(words, out var fromWords) && fromWords == mask, "FromWords, TryFromWords");
                var stray = new[] { 1UL | (1UL << 5), 0UL };
                var threw = false;
                try { WideRegMask.FromWords(stray); } catch (ArgumentOutOfRangeException) { threw = true; }
                Check(threw && !WideRegMask.TryFromWords(stray, out _) && WideRegMask.FromWordsTruncate(stray) == WideRegMask.W0, "the same three rules for words");
                Span<ulong> span = stackalloc ulong[WideRegMask.WordCount];
                mask.CopyTo(span);
                ReadOnlySpan<ulong> read = span;
                Check(span[0] == words[0] && span[1] == words[1] && WideRegMask.FromWords(read) == mask, "CopyTo(Span<ulong>), FromWords(ReadOnlySpan<ulong>)");
                var display = typeof(WideRegMask).GetCustomAttributes(typeof(System.Diagnostics.DebuggerDisplayAttribute), false);
                Check(display.Length == 1 && mask.ToString() == "W0, W64, W100", "a struct mask shows as its registers' names in a debugger");
            }

            private static void AliasesOrderAndAmendments()
            {
                Check(VcpuReg.ERAPS.ToMask() == VcpuReg.CR3.ToMask(), "an alias names the bit of the register it aliases");
                Check(VcpuRegMask.CR3.ToStringFast() == "CR3" && VcpuRegMask.CR3.ToStringFast() == VcpuRegMask.CR3.ToString(), "the aliased register names the bit; ToStringFast equals Enum.ToString()");
                Check(VcpuRegMask.All.Registers().Count(r => r == VcpuReg.CR3) == 1 && VcpuRegMaskSets.NameOf(VcpuRegMask.CR3).SequenceEqual(new[] { "namespace" }), "Registers() and the catalog");
                Check(Abi.CALLEE_SAVED_ORDER.ToArray().SequenceEqual(new[] { VcpuReg.RBX, VcpuReg.RBP }), "{NAME}_ORDER keeps the order written");
                ReadOnlySpan<VcpuReg> order = Abi.SAVE_LIST_ORDER;
                Check(order.ToArray().SequenceEqual(new[] { VcpuReg.RIP, VcpuReg.RBX, VcpuReg.RBP, VcpuReg.RAX, VcpuReg.RCX, VcpuReg.RDX, VcpuReg.RSP, VcpuReg.RSI, VcpuReg.RDI }), "then each Include in its own order, an unordered one ascending");
                Check(Abi.EVERYTHING == (Abi.GPRS | VcpuRegMask.RIP), "a set of includes takes its file from them");
                Check(Abi.@namespace == VcpuRegMask.CR3 && nameof(Abi.@namespace) == "namespace", "a keyword set name declares @namespace");
            }

            private static void Json()
            {
                var mask = VcpuRegMask.RAX | VcpuRegMask.RIP;
                Check(JsonSerializer.Serialize(mask) == "[\"RAX\",\"RIP\"]" && JsonSerializer.Serialize(VcpuRegMask.None) == "[]", "JSON: an array of register names, ascending; [] for None");
                Check(JsonSerializer.Deserialize<VcpuRegMask>("[\"RAX\",\"RIP\"]") == mask && JsonSerializer.Deserialize<VcpuRegMask>("\"RAX | RIP\"") == mask, "JSON reads the array, or one string in TryParse's syntax");
                var rejected = 0;
                foreach (var bad in new[] { "[\"NOPE\"]", "42", "\"NOPE\"" })
                {
                    try { JsonSerializer.Deserialize<VcpuRegMask>(bad); } catch (JsonException exception) when (exception.Message.Contains(bad.Trim('[', ']', '"'))) { rejected++; }
                }
                Check(rejected == 3, "anything else, or an unknown name, is a JsonException naming the text");
                Check(JsonSerializer.Deserialize<WideRegMask>(JsonSerializer.Serialize(WideRegMask.W100)) == WideRegMask.W100, "struct masks alike");
            }

            private static void Cache()
            {
                var vcpu = new Vcpu();
                vcpu.Reset(VcpuRegMask.RAX);
                Check(vcpu.Read(VcpuReg.RIP) == 0x1010UL && vcpu.Read(VcpuReg.RIP) == 0x1010UL && vcpu.Log.SequenceEqual(new[] { "load RIP" }), "Read: LoadRegister on a miss, then available");
                vcpu.Write(VcpuReg.RBX, 7);
                Check(vcpu.IsDirty(VcpuReg.RBX) && vcpu.IsAvailable(VcpuReg.RBX) && vcpu.Read(VcpuReg.RBX) == 7UL, "Write: available and dirty");
                vcpu.Write(VcpuReg.RAX, 1);
                vcpu.WriteBackDirty();
                Check(vcpu.Log.Skip(1).SequenceEqual(new[] { "store RAX=1", "store RBX=7" }) && vcpu.Dirty == VcpuRegMask.None, "WriteBackDirty: StoreRegister ascending, then Dirty = None");
                vcpu.MarkDirty(VcpuReg.RCX);
                vcpu.ResetDirty();
                Check(vcpu.Dirty == VcpuRegMask.None && vcpu.IsAvailable(VcpuReg.RCX), "ResetDirty: Available unchanged");
                Check(vcpu.TestAndMarkAvailable(VcpuReg.RCX) && !vcpu.TestAndMarkAvailable(VcpuReg.RDX) && vcpu.IsAvailable(VcpuReg.RDX), "TestAndMarkAvailable: whether it was available before");
                vcpu.MarkDirty(VcpuReg.RSI);
                vcpu.ClearAvailable(VcpuRegMask.RSI | VcpuRegMask.RDX);
                Check(!vcpu.IsAvailable(VcpuReg.RSI) && !vcpu.IsDirty(VcpuReg.RSI) && !vcpu.IsAvailable(VcpuReg.RDX), "ClearAvailable: no longer available, nor dirty");
                Check(vcpu.Dirty.IsSubsetOf(vcpu.Available), "Dirty within Available");
            }
        }
        """;
}
