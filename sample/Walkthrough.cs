namespace KvmSample;

/// <summary>A VM exit on a VMX vCPU, step by step, with the cache masks after each step.</summary>
public static class Walkthrough
{
    public static void Run(TextWriter output)
    {
        output.WriteLine("A VM exit on a VMX vCPU: regs_avail / regs_dirty after each step");
        var vcpu = new Vcpu(
            Vmx.VMX_REGS_LAZY_LOAD_SET,
            readFromHardware: register =>
            {
                output.WriteLine($"      (vmcs_read {register})");
                return 0x1000UL + (ulong)register;
            },
            writeToHardware: (register, value) => output.WriteLine($"      (write back {register} = 0x{value:X})"));

        Show(output, vcpu, "VM exit: regs_avail = ~VMX_REGS_LAZY_LOAD_SET, regs_dirty = 0");
        vcpu.Read(VcpuReg.VCPU_REGS_RAX);
        Show(output, vcpu, "read RAX: already available, no VMCS read");
        vcpu.Read(VcpuReg.VCPU_REGS_RIP);
        Show(output, vcpu, "read RIP: lazy, loaded from the VMCS once");
        vcpu.Write(VcpuReg.VCPU_REGS_RIP, 0xFFFF_8000_0000_1000UL);
        vcpu.Write(VcpuReg.VCPU_REGS_RAX, 42);
        Show(output, vcpu, "skip the instruction (write RIP) and return 42 in RAX");
        vcpu.WriteBackDirty();
        Show(output, vcpu, "VM entry: dirty registers written back");

        // A debugger command names registers as text: TryParse reads what ToStringFast prints, or "A | B", or hex.
        const string typed = "VCPU_REGS_RIP | VCPU_EXREG_CR3";
        if (VcpuRegMaskExtensions.TryParse(typed, out var asked))
        {
            output.WriteLine($"  \"{typed}\" parses to 0x{(uint)asked:X8}; not loaded yet: {(asked & vcpu.Available.Complement()).ToStringFast()}");
        }
    }

    private static void Show(TextWriter output, Vcpu vcpu, string step)
    {
        output.WriteLine($"  {step}");
        var notLoaded = vcpu.Available.Complement();
        var known = VcpuRegMaskSets.NameOf(notLoaded);   // the catalog names a mask equal to a declared set
        output.WriteLine($"    avail {vcpu.Available.Count(),2}: not loaded: {(known.Count > 0 ? string.Join(", ", known) : notLoaded.ToStringFast())}");
        output.WriteLine($"    dirty {vcpu.Dirty.Count(),2}: {vcpu.Dirty.ToStringFast()}");
    }
}
