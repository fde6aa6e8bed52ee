namespace KvmSample;

/// <summary>
/// A vCPU's register cache as KVM keeps it (arch/x86/kvm/kvm_cache_regs.h): <c>regs_avail</c>
/// says which cached values are current, <c>regs_dirty</c> which must be written back before
/// the next VM entry. Both are generated masks, so each test is one AND.
/// </summary>
public sealed class Vcpu
{
    private readonly ulong[] _regs = new ulong[32];
    private readonly VcpuRegMask _lazyLoadSet;
    private readonly Func<VcpuReg, ulong> _readFromHardware;

    public Vcpu(VcpuRegMask lazyLoadSet, Func<VcpuReg, ulong> readFromHardware)
    {
        _lazyLoadSet = lazyLoadSet;
        _readFromHardware = readFromHardware;
        ResetCache();
    }

    public VcpuRegMask RegsAvail { get; private set; }

    public VcpuRegMask RegsDirty { get; private set; }

    /// <summary>After a VM exit: <c>regs_avail = ~LAZY_LOAD_SET; regs_dirty = 0</c>.</summary>
    public void ResetCache()
    {
        RegsAvail = _lazyLoadSet.Complement();
        RegsDirty = VcpuRegMask.None;
    }

    /// <summary><c>kvm_register_read</c>: loads a lazy register on first use.</summary>
    public ulong Read(VcpuReg register)
    {
        if (!RegsAvail.Contains(register))
        {
            _regs[(int)register] = _readFromHardware(register);
            RegsAvail = RegsAvail.With(register);
        }
        return _regs[(int)register];
    }

    /// <summary><c>kvm_register_write</c>: caches the value and marks it available and dirty.</summary>
    public void Write(VcpuReg register, ulong value)
    {
        _regs[(int)register] = value;
        RegsAvail = RegsAvail.With(register);
        RegsDirty = RegsDirty.With(register);
    }

    /// <summary>Before VM entry: hands every dirty register to <paramref name="writeBack"/>, in index order.</summary>
    public void FlushDirty(Action<VcpuReg, ulong> writeBack)
    {
        foreach (var register in RegsDirty.Registers())
        {
            writeBack(register, _regs[(int)register]);
        }
        RegsDirty = VcpuRegMask.None;
    }
}
