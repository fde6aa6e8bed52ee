using RegisterMasking;

namespace KvmSample;

/// <summary>
/// KVM's <c>enum kvm_reg</c> (arch/x86/include/asm/kvm_host.h): the registers a vCPU caches.
/// Width 32, as <c>regs_avail</c>/<c>regs_dirty</c> became <c>unsigned long</c>: every register
/// must fit a 32-bit word, which the generator checks.
/// </summary>
[RegisterFile(32)]
public enum VcpuReg
{
    VCPU_REGS_RAX = 0,
    VCPU_REGS_RCX = 1,
    VCPU_REGS_RDX = 2,
    VCPU_REGS_RBX = 3,
    VCPU_REGS_RSP = 4,
    VCPU_REGS_RBP = 5,
    VCPU_REGS_RSI = 6,
    VCPU_REGS_RDI = 7,
    VCPU_REGS_R8 = 8,
    VCPU_REGS_R9 = 9,
    VCPU_REGS_R10 = 10,
    VCPU_REGS_R11 = 11,
    VCPU_REGS_R12 = 12,
    VCPU_REGS_R13 = 13,
    VCPU_REGS_R14 = 14,
    VCPU_REGS_R15 = 15,
    VCPU_REGS_RIP,

    /// <summary>The count of general registers, not a register: the extended ones start here.</summary>
    [NotARegister]
    NR_VCPU_REGS,

    VCPU_EXREG_PDPTR = NR_VCPU_REGS,
    VCPU_EXREG_CR0,
    VCPU_EXREG_CR3,
    VCPU_EXREG_CR4,
    VCPU_EXREG_RFLAGS,
    VCPU_EXREG_SEGMENTS,
    VCPU_EXREG_EXIT_INFO_1,
    VCPU_EXREG_EXIT_INFO_2,
}
