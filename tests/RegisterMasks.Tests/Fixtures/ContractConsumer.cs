namespace RegisterMasks.Tests.Fixtures;

/// <summary>
/// A consumer written from the contract (docs/contract.md) alone: the mask API for allocators, caches
/// and tools, ignore-case parsing, one generic algorithm through <c>{Mask}Ops</c>, the static members on the
/// mask type (C# 14, the language this fixture builds in), aliases, ordered sets, partitions, JSON and the cache's values, and two rules of
/// [RegisterSet] (a set of includes only takes its file from them; a set name may be a keyword), register classes (two
/// over one enum sharing values, one over an enum of the runtime's), switches covering a set ([CoversRegisterSet]), every
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

        // Register classes: one enum, two classes sharing the values 0-15, as a JIT's x86 back end numbers them.
        public enum X86Register { Invalid = -1, Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, R8, R9, R10, R11, R12, R13, R14, R15,
                                  Xmm0 = 0, Xmm1, Xmm2, Xmm3, Xmm4, Xmm5, Xmm6, Xmm7, Xmm8, Xmm9, Xmm10, Xmm11, Xmm12, Xmm13, Xmm14, Xmm15 }

        [RegisterClass(typeof(X86Register), "X86GprMask", From = X86Register.Rax, To = X86Register.R15)]
        [RegisterSet("CALLEE_SAVED_WINDOWS", X86Register.Rbx, X86Register.Rbp, X86Register.Rdi, X86Register.Rsi, From = X86Register.R12, To = X86Register.R15)]
        public static partial class X86Gpr { }

        [RegisterClass(typeof(X86Register), "X86VecMask", From = X86Register.Xmm0, To = X86Register.Xmm15)]
        [RegisterSet("CALLEE_SAVED_WINDOWS", From = X86Register.Xmm6, To = X86Register.Xmm15)]
        public static partial class X86Vec { }

        // A class over an enum of the runtime's, with no attribute, its values no bit indices.
        [RegisterClass(typeof(ConsoleKey), "ArrowMask", Registers = new object[] { ConsoleKey.LeftArrow, ConsoleKey.UpArrow, ConsoleKey.RightArrow, ConsoleKey.DownArrow })]
        public static partial class Arrows { }

        public static class Loader
        {
            // A switch that must cover a set: every register of GPRS has its case (a default does not count).
            [CoversRegisterSet(nameof(Abi.GPRS))]
            public static int Slot(VcpuReg register)
            {
                switch (register)
                {
                    case VcpuReg.RAX: case VcpuReg.RCX: case VcpuReg.RDX: case VcpuReg.RBX: return 0;
                    case VcpuReg.RSP or VcpuReg.RBP: return 1;
                    case VcpuReg.RSI: case VcpuReg.RDI: return 2;
                    default: return -1;
                }
            }

            [CoversRegisterSet("CALLEE_SAVED_WINDOWS", RegisterFile = typeof(X86Vec))]
            public static bool Saved(X86Register register) => register switch
            {
                X86Register.Xmm6 or X86Register.Xmm7 or X86Register.Xmm8 or X86Register.Xmm9 or X86Register.Xmm10 => true,
                X86Register.Xmm11 or X86Register.Xmm12 or X86Register.Xmm13 or X86Register.Xmm14 or X86Register.Xmm15 => true,
                _ => false,
            };
        }

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
                IgnoringCase();
                OneAlgorithmForEveryMask();
                OnTheMaskType();
                RegisterClasses();
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

            private static void IgnoringCase()
            {
                Check(VcpuRegMaskExtensions.TryParse("rax, Rip", true, out var read) && read == (VcpuRegMask.RAX | VcpuRegMask.RIP), "TryParse(text, ignoreCase: true, out mask)");
                Check(!VcpuRegMaskExtensions.TryParse("rax", false, out var none) && none == VcpuRegMask.None, "with ignoreCase false, case matters");
                Check(VcpuRegMaskExtensions.TryParse("eraps".AsSpan(), true, out var alias) && alias == VcpuRegMask.CR3, "over ReadOnlySpan<char>; an alias names its register's bit");
                Check(VcpuRegMaskExtensions.Parse("NONE", true) == VcpuRegMask.None && VcpuRegMaskExtensions.Parse("all", true) == VcpuRegMask.All, "None and All in any case, as Enum reads them");
                Check(VcpuRegMaskExtensions.Parse(" rbx , rdi ", true) == Enum.Parse<VcpuRegMask>(" rbx , rdi ", true), "the value Enum.Parse(text, ignoreCase) gives");
                Check(Throws<ArgumentException>(() => VcpuRegMaskExtensions.Parse("nope", true)) && Throws<ArgumentNullException>(() => VcpuRegMaskExtensions.Parse(null!, true))
                    && Throws<OverflowException>(() => VcpuRegMaskExtensions.Parse("4294967296", true)), "Parse(text, ignoreCase) throws what Enum.Parse throws");
                Check(WideRegMaskExtensions.Parse("w0, W100", true) == (WideRegMask.W0 | WideRegMask.W100) && WideRegMaskExtensions.TryParse("w64".AsSpan(), true, out var wide) && wide == WideRegMask.W64, "struct masks alike");
            }

            private static bool Throws<TException>(Action action) where TException : Exception
            {
                try { action(); } catch (TException exception) when (exception.GetType() == typeof(TException)) { return true; } catch (Exception) { }
                return false;
            }

            /// <summary>A prologue's spill loop, written once: pop each register, store it in its slot of the packed save area.</summary>
            private static int Spill<TOps, TMask, TReg>(TMask live, List<string> stores) where TOps : IRegisterMaskOps<TMask, TReg> where TMask : struct where TReg : struct
            {
                var rest = live;
                var count = 0;
                while (TOps.TryPopLowest(ref rest, out var register))
                {
                    stores.Add(register + "@" + TOps.IndexOf(live, register));
                    count++;
                }
                return TOps.IsEmpty(rest) && count == TOps.Count(live) ? count : -1;
            }

            private static string Describe<TOps, TMask, TReg>(TReg a, TReg b) where TOps : IRegisterMaskOps<TMask, TReg> where TMask : struct where TReg : struct
            {
                var both = TOps.With(TOps.ToMask(a), b);
                return string.Join(";", TOps.ToStringFast(both), TOps.Contains(both, a), TOps.ToStringFast(TOps.Without(both, a)), TOps.ToStringFast(TOps.Union(TOps.None, both)),
                    TOps.ToStringFast(TOps.Intersect(both, TOps.ToMask(b))), TOps.Count(TOps.Except(TOps.All, both)) == TOps.Count(TOps.All) - 2);
            }

            private static void OneAlgorithmForEveryMask()
            {
                var stores = new List<string>();
                Check(Spill<VcpuRegMaskOps, VcpuRegMask, VcpuReg>(VcpuRegMask.RBX | VcpuRegMask.RIP, stores) == 2
                    && Spill<WideRegMaskOps, WideRegMask, WideReg>(WideRegMask.W1 | WideRegMask.W100, stores) == 2
                    && stores.SequenceEqual(new[] { "RBX@0", "RIP@1", "W1@0", "W100@1" }), "one generic spill loop through {Mask}Ops serves an enum mask and a struct mask");
                Check(Describe<VcpuRegMaskOps, VcpuRegMask, VcpuReg>(VcpuReg.RAX, VcpuReg.RIP) == "RAX, RIP;True;RIP;RAX, RIP;RIP;True"
                    && Describe<WideRegMaskOps, WideRegMask, WideReg>(WideReg.W0, WideReg.W100) == "W0, W100;True;W100;W0, W100;W100;True", "every member of IRegisterMaskOps");
            }

            private static void OnTheMaskType()
            {
                Check(VcpuRegMask.Parse("RAX, RBX") == (VcpuRegMask.RAX | VcpuRegMask.RBX) && VcpuRegMaskExtensions.Parse("RAX, RBX") == (VcpuRegMask.RAX | VcpuRegMask.RBX), "Mask.Parse (C# 14), and {Mask}Extensions.Parse still");
                Check(VcpuRegMask.Parse("rax | rbx", true) == (VcpuRegMask.RAX | VcpuRegMask.RBX) && VcpuRegMask.FromBits(0x3u) == (VcpuRegMask.RAX | VcpuRegMask.RCX)
                    && VcpuRegMask.TryFromBits(0x1u, out var rax) && rax == VcpuRegMask.RAX && VcpuRegMask.FromBitsTruncate(0x8000_0001u) == VcpuRegMask.RAX, "Parse(text, ignoreCase) and the FromBits trio on the mask type");
                Check(WideRegMask.Parse("W64") == WideRegMask.W64 && WideRegMask.TryParse("w64 | W0", true, out var wide) && wide == (WideRegMask.W0 | WideRegMask.W64), "a struct mask's Parse and TryParse on its type");
            }

            private static void RegisterClasses()
            {
                Check(X86VecMask.Xmm6.ToStringFast() == "Xmm6" && X86Vec.CALLEE_SAVED_WINDOWS == (X86VecMask)0xFFC0
                    && X86Vec.CALLEE_SAVED_WINDOWS.ToStringFast() == "Xmm6, Xmm7, Xmm8, Xmm9, Xmm10, Xmm11, Xmm12, Xmm13, Xmm14, Xmm15", "a vector class's set prints Xmm names, bits 6-15");
                Check(X86Register.Rcx.ToX86GprMask() == X86GprMask.Rcx && X86Register.Xmm1.ToX86VecMask() == X86VecMask.Xmm1 && X86Register.Invalid.ToX86GprMask() == X86GprMask.None,
                    "register.To{Mask}(), None for a value no register of the class has");
                Check(X86Gpr.CALLEE_SAVED_WINDOWS.Contains(X86Register.Rsi) && X86Gpr.CALLEE_SAVED_WINDOWS.ToStringFast() == "Rbx, Rbp, Rsi, Rdi, R12, R13, R14, R15",
                    "a general-purpose class's set prints GPR names");
                Check(X86Vec.CALLEE_SAVED_WINDOWS.IndexOf(X86Register.Xmm8) == 2 && X86Vec.CALLEE_SAVED_WINDOWS.Registers().First() == X86Register.Xmm6, "IndexOf and Registers over a class");
                var stores = new List<string>();
                Check(Spill<X86VecMaskOps, X86VecMask, X86Register>(X86VecMask.Xmm6 | X86VecMask.Xmm15, stores) == 2, "a class's {Mask}Ops serves the generic loop");
                Check(X86GprMask.Parse("Rax, Rbx") == (X86GprMask.Rax | X86GprMask.Rbx) && X86VecMaskExtensions.TryParse("xmm0", true, out var xmm) && xmm == X86VecMask.Xmm0, "a class's Parse on its type, and ignore-case TryParse");
                Check(ConsoleKey.UpArrow.ToArrowMask() == (ArrowMask)0b10 && ConsoleKey.A.ToArrowMask() == ArrowMask.None && ArrowMask.All.Count() == 4
                    && JsonSerializer.Deserialize<ArrowMask>(JsonSerializer.Serialize(ArrowMask.DownArrow | ArrowMask.LeftArrow)) == (ArrowMask.DownArrow | ArrowMask.LeftArrow), "a class over a foreign enum with scattered values, JSON included");
                Check(Loader.Slot(VcpuReg.RDI) == 2 && Loader.Saved(X86Register.Xmm6), "switches that cover their sets build without a warning");
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
