namespace RegisterMasks.Tests.Fixtures;

/// <summary>
/// A KVM-like register cache written by hand, as code comes to RegisterMasks: <c>enum kvm_reg</c>
/// annotated but declared too narrow, each backend's masks as <c>BIT_ULL()</c> unions and shifts,
/// the vCPU's <c>regs_avail</c>/<c>regs_dirty</c> as numbers, and a mask used as any enum.
/// <c>MigrationTests</c> takes it, by fixes and the refactoring alone, to code with no shift left;
/// README "Migrating from hand-written masks" walks through the same steps.
/// </summary>
internal static class KvmMigration
{
    public const string Registers = """
        using RegisterMasking;

        namespace Kvm
        {
            // enum kvm_reg, declared 16 bits wide: the registers from VCPU_REGS_RIP on do not fit.
            [RegisterFile(16)]
            public enum VcpuReg
            {
                VCPU_REGS_RAX, VCPU_REGS_RCX, VCPU_REGS_RDX, VCPU_REGS_RBX, VCPU_REGS_RSP, VCPU_REGS_RBP, VCPU_REGS_RSI, VCPU_REGS_RDI,
                VCPU_REGS_R8, VCPU_REGS_R9, VCPU_REGS_R10, VCPU_REGS_R11, VCPU_REGS_R12, VCPU_REGS_R13, VCPU_REGS_R14, VCPU_REGS_R15,
                VCPU_REGS_RIP,
                VCPU_EXREG_PDPTR, VCPU_EXREG_CR0, VCPU_EXREG_CR3, VCPU_EXREG_CR4, VCPU_EXREG_RFLAGS, VCPU_EXREG_SEGMENTS,
                VCPU_EXREG_EXIT_INFO_1, VCPU_EXREG_EXIT_INFO_2,
                [NotARegister] NR_VCPU_REGS,
            }

            public static class Bits
            {
                public static ulong BIT_ULL(VcpuReg nr) => 1UL << (int)nr;
            }
        }

        """;

    public const string Backends = """
        using RegisterMasking;

        namespace Kvm
        {
            public static class Vmx
            {
                /// <summary>Registers VMX reads from the VMCS only when asked.</summary>
                public static readonly ulong VMX_REGS_LAZY_LOAD_SET = Bits.BIT_ULL(VcpuReg.VCPU_REGS_RIP) | Bits.BIT_ULL(VcpuReg.VCPU_REGS_RSP)
                    | Bits.BIT_ULL(VcpuReg.VCPU_EXREG_RFLAGS) | Bits.BIT_ULL(VcpuReg.VCPU_EXREG_EXIT_INFO_1) | Bits.BIT_ULL(VcpuReg.VCPU_EXREG_EXIT_INFO_2)
                    | Bits.BIT_ULL(VcpuReg.VCPU_EXREG_SEGMENTS) | Bits.BIT_ULL(VcpuReg.VCPU_EXREG_CR0) | Bits.BIT_ULL(VcpuReg.VCPU_EXREG_CR3) | Bits.BIT_ULL(VcpuReg.VCPU_EXREG_CR4);
            }

            public static class Tdx
            {
                public const ulong TDX_REGS_AVAIL_SET = 1UL << (int)VcpuReg.VCPU_EXREG_EXIT_INFO_1 | 1UL << (int)VcpuReg.VCPU_EXREG_EXIT_INFO_2
                    | 1UL << (int)VcpuReg.VCPU_REGS_RAX | 1UL << (int)VcpuReg.VCPU_REGS_RBX | 1UL << (int)VcpuReg.VCPU_REGS_RCX | 1UL << (int)VcpuReg.VCPU_REGS_RDX
                    | 1UL << (int)VcpuReg.VCPU_REGS_RBP | 1UL << (int)VcpuReg.VCPU_REGS_RSI | 1UL << (int)VcpuReg.VCPU_REGS_RDI
                    | 1UL << (int)VcpuReg.VCPU_REGS_R8 | 1UL << (int)VcpuReg.VCPU_REGS_R9 | 1UL << (int)VcpuReg.VCPU_REGS_R10 | 1UL << (int)VcpuReg.VCPU_REGS_R11
                    | 1UL << (int)VcpuReg.VCPU_REGS_R12 | 1UL << (int)VcpuReg.VCPU_REGS_R13 | 1UL << (int)VcpuReg.VCPU_REGS_R14 | 1UL << (int)VcpuReg.VCPU_REGS_R15;
            }

            // Sets already declared, with the mistakes of a first try.
            [RegisterSet("SVM_SPECIAL", VcpuReg.VCPU_REGS_RSP, VcpuReg.VCPU_REGS_RIP, VcpuReg.VCPU_REGS_RSP)]
            [RegisterSet("SVM_TRACKED", VcpuReg.VCPU_EXREG_CR3, Include = new[] { "SVM_SPECAIL" })]
            public static class Svm
            {
                public const VcpuRegMask SVM_REGS_LAZY_LOAD_SET = (VcpuRegMask)(1u << (int)VcpuReg.VCPU_EXREG_PDPTR);
            }
        }

        """;

    public const string Vcpu = """
        using System;

        namespace Kvm
        {
            public sealed class Vcpu
            {
                private ulong regs_avail;
                private ulong regs_dirty;

                public bool kvm_register_is_available(VcpuReg reg) => (regs_avail & 1UL << (int)reg) != 0;

                public void kvm_register_mark_available(VcpuReg reg) => regs_avail |= 1UL << (int)reg;

                public void kvm_register_mark_dirty(VcpuReg reg)
                {
                    regs_avail |= 1UL << (int)reg;
                    regs_dirty |= 1UL << (int)reg;
                }

                public void vmx_register_cache_reset() => regs_avail &= ~Vmx.VMX_REGS_LAZY_LOAD_SET;

                public void tdx_register_cache_reset() => regs_avail = Tdx.TDX_REGS_AVAIL_SET;

                public ulong Dirty => regs_dirty;

                public static VcpuRegMask TdxAvailable => (VcpuRegMask)0x0180FFEF;

                public static bool IsLazy(VcpuRegMask mask) => mask.HasFlag(VcpuRegMask.VCPU_EXREG_PDPTR);

                public static VcpuRegMask NotLoaded(VcpuRegMask loaded) => ~loaded;

                public static string Describe(VcpuRegMask mask) => mask.ToString();

                public static VcpuRegMask Parse(string text) => Enum.Parse<VcpuRegMask>(text);

                public static bool TryParse(string text, out VcpuRegMask mask) => Enum.TryParse(text, out mask);
            }
        }

        """;

    public static readonly string[] Sources = { Registers, Backends, Vcpu };
}
