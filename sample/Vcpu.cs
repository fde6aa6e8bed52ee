using System;
using RegisterMasks;

namespace KvmSample;

/// <summary>
/// A vCPU's register cache as KVM keeps it (arch/x86/kvm/kvm_cache_regs.h): <c>Available</c>
/// (KVM's <c>regs_avail</c>) says which cached values are current, <c>Dirty</c> (<c>regs_dirty</c>)
/// which must be written back before the next VM entry. Both, and their helpers, are generated
/// by <c>[RegisterCache]</c>, which keeps Dirty a subset of Available.
/// </summary>
[RegisterCache(typeof(VcpuReg))]
public sealed partial class Vcpu
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

    /// <summary>After a VM exit: <c>regs_avail = ~LAZY_LOAD_SET; regs_dirty = 0</c>.</summary>
    public void ResetCache() => Reset(_lazyLoadSet.Complement());

    /// <summary><c>kvm_register_read</c>: loads a lazy register on first use.</summary>
    public ulong Read(VcpuReg register)
    {
        if (!IsAvailable(register))
        {
            _regs[(int)register] = _readFromHardware(register);
            MarkAvailable(register);
        }
        return _regs[(int)register];
    }

    /// <summary><c>kvm_register_write</c>: caches the value and marks it dirty (and so available).</summary>
    public void Write(VcpuReg register, ulong value)
    {
        _regs[(int)register] = value;
        MarkDirty(register);
    }

    /// <summary>Before VM entry: hands every dirty register to <paramref name="writeBack"/>, in index order.</summary>
    public void FlushDirty(Action<VcpuReg, ulong> writeBack)
    {
        foreach (var register in TakeDirty().Registers())
        {
            writeBack(register, _regs[(int)register]);
        }
    }
}
