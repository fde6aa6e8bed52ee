using RegisterMasking;

namespace KvmSample;

/// <summary>Sets every backend builds on.</summary>
[RegisterSet("GPRS", From = VcpuReg.VCPU_REGS_RAX, To = VcpuReg.VCPU_REGS_R15,
    Summary = "The sixteen general-purpose registers.")]
[RegisterSet("EXREGS", From = VcpuReg.VCPU_EXREG_PDPTR, To = VcpuReg.VCPU_EXREG_EXIT_INFO_2,
    Summary = "The extended registers, read from the VMCS/VMCB only on demand.")]
public static partial class Common
{
}

/// <summary>Intel VMX (arch/x86/kvm/vmx/vmx.h).</summary>
[RegisterSet("VMX_REGS_LAZY_LOAD_SET",
    VcpuReg.VCPU_REGS_RIP, VcpuReg.VCPU_REGS_RSP,
    Include = new[] { nameof(Common.EXREGS) },
    Summary = "Registers VMX reads from the VMCS only when asked: not available after a VM-exit.")]
public static partial class Vmx
{
}

/// <summary>AMD SVM (arch/x86/kvm/svm/svm.h).</summary>
[RegisterSet("SVM_REGS_LAZY_LOAD_SET", VcpuReg.VCPU_EXREG_PDPTR,
    Summary = "Registers SVM loads only when asked.")]
public static partial class Svm
{
}

/// <summary>Intel TDX (arch/x86/kvm/vmx/tdx.c): the TDX module hides everything else.</summary>
[RegisterSet("TDX_REGS_AVAIL_SET",
    VcpuReg.VCPU_EXREG_EXIT_INFO_1, VcpuReg.VCPU_EXREG_EXIT_INFO_2,
    Include = new[] { nameof(Common.GPRS) },
    Exclude = new object[] { VcpuReg.VCPU_REGS_RSP },
    Summary = "Registers a TDX guest exposes to KVM after a TD exit.")]
public static partial class Tdx
{
}

/// <summary>
/// Facts KVM relies on, checked at compile time as its static_asserts are: break one (add
/// VCPU_REGS_RSP to EXREGS, say) and the build stops with RM0014 naming the register.
/// </summary>
[RegisterSetsDisjoint(nameof(Common.GPRS), nameof(Common.EXREGS))]
[RegisterSetSubset(nameof(Svm.SVM_REGS_LAZY_LOAD_SET), nameof(Common.EXREGS))]   // SVM keeps every GPR in the VMCB: none is lazy
[RegisterSetSubset(nameof(Tdx.TDX_REGS_AVAIL_SET), "All")]
public static class Invariants
{
}
