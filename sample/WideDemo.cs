namespace KvmSample;

/// <summary>The 128-bit register file: the same API as the 32-bit one, over a struct mask.</summary>
public static class WideDemo
{
    public static void Run(TextWriter output)
    {
        output.WriteLine($"x86-64 with AVX-512: {X86RegMask.All.Count()} registers in a 128-bit mask (a struct of two words)");
        foreach (var set in X86RegMaskSets.All)
        {
            output.WriteLine($"  {set.Name,-14} {set.Mask.Count(),2} registers");
        }

        // A call clobbers the caller-saved registers: what a JIT's register allocator must spill.
        var live = X86RegMask.RBX | X86RegMask.RSI | X86RegMask.ZMM3 | X86RegMask.K1 | X86RegMask.R12;
        output.WriteLine($"  live across a call:       {live}");
        output.WriteLine($"  spill before the call:    {live & SysV.CALLER_SAVED}");
        output.WriteLine($"  survives in callee-saved: {live & SysV.CALLEE_SAVED}");

        // An ordered set keeps the order it was written in: the prologue's save list.
        output.Write("  prologue pushes:         ");
        foreach (var register in SysV.CALLEE_SAVED_ORDER)
        {
            output.Write($" {register}");
        }
        output.WriteLine();

        // A save area packed in ascending index, filled two registers a store (as ARM64's STP does):
        // IndexOf gives each register's slot, Pairs the stores.
        var saved = live & SysV.CALLER_SAVED;
        output.Write("  paired stores:           ");
        foreach (var pair in saved.Pairs())
        {
            output.Write(pair.HasSecond ? $" [{pair.First}, {pair.Second}]" : $" [{pair.First}]");
        }
        output.WriteLine($"; ZMM3 in slot {saved.IndexOf(X86Reg.ZMM3)}");

        // The vector allocator works on the ZMM class's own 32-bit mask: the same registers, bits 0-31.
        var vectorsLive = live.Registers().Where(register => ZmmMask.All.Contains(register)).Aggregate(ZmmMask.None, (mask, register) => mask.With(register));
        output.WriteLine($"  ZMM class, Windows callee-saved: {Avx512.CALLEE_SAVED_WINDOWS} (0x{(uint)Avx512.CALLEE_SAVED_WINDOWS:X}); live vectors: {vectorsLive}; ZMM7 alone: 0x{(uint)X86Reg.ZMM7.ToZmmMask():X}");
    }
}
