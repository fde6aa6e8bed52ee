using RegisterMasking;

namespace KvmSample;

/// <summary>
/// x86-64 with AVX-512, as an emulator or JIT sees it: 72 registers, past what a 64-bit mask
/// holds (which is why RyuJIT's regMaskTP became a struct). Width 128 makes the generated mask
/// a struct of two 64-bit words with the same members as an enum mask.
/// </summary>
[RegisterFile(128)]
public enum X86Reg
{
    RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI,
    R8, R9, R10, R11, R12, R13, R14, R15,
    RIP,
    RFLAGS,
    ES, CS, SS, DS, FS, GS,
    ZMM0,
    ZMM1,
    ZMM2,
    ZMM3,
    ZMM4,
    ZMM5,
    ZMM6,
    ZMM7,
    ZMM8,
    ZMM9,
    ZMM10,
    ZMM11,
    ZMM12,
    ZMM13,
    ZMM14,
    ZMM15,
    ZMM16,
    ZMM17,
    ZMM18,
    ZMM19,
    ZMM20,
    ZMM21,
    ZMM22,
    ZMM23,
    ZMM24,
    ZMM25,
    ZMM26,
    ZMM27,
    ZMM28,
    ZMM29,
    ZMM30,
    ZMM31,
    K0,
    K1,
    K2,
    K3,
    K4,
    K5,
    K6,
    K7,
    ST0,
    ST1,
    ST2,
    ST3,
    ST4,
    ST5,
    ST6,
    ST7,

    [NotARegister]
    COUNT,
}

/// <summary>Register classes of the System V x86-64 ABI with AVX-512.</summary>
[RegisterSet("GPRS", From = X86Reg.RAX, To = X86Reg.R15)]
[RegisterSet("ZMM", From = X86Reg.ZMM0, To = X86Reg.ZMM31, RegisterFile = typeof(X86Reg))]
[RegisterSet("OPMASK", From = X86Reg.K0, To = X86Reg.K7)]
[RegisterSet("X87", From = X86Reg.ST0, To = X86Reg.ST7)]
[RegisterSet("SSE_LEGACY", From = X86Reg.ZMM0, To = X86Reg.ZMM15, RegisterFile = typeof(X86Reg),
    Summary = "XMM0-XMM15: the vector registers that exist without AVX-512.")]
[RegisterSet("AVX512_STATE", Include = new[] { "ZMM", "OPMASK" }, RegisterFile = typeof(X86Reg),
    Summary = "What XSAVE must save for AVX-512: every ZMM and opmask register.")]
[RegisterSet("CALLER_SAVED",
    X86Reg.RAX, X86Reg.RCX, X86Reg.RDX, X86Reg.RSI, X86Reg.RDI, X86Reg.R8, X86Reg.R9, X86Reg.R10, X86Reg.R11,
    Include = new[] { "ZMM", "OPMASK", "X87" })]
// Ordered: LLVM's CSR_64 save list, the order a prologue pushes them in (SysV.CALLEE_SAVED_ORDER).
[RegisterSet("CALLEE_SAVED", X86Reg.RBX, X86Reg.R12, X86Reg.R13, X86Reg.R14, X86Reg.R15, X86Reg.RBP, Ordered = true)]
public static partial class SysV
{
}

/// <summary>
/// The vector registers as a register class of their own, for a vector register allocator: ZMM0-ZMM31 are
/// bits 0-31 of a 32-bit mask that prints ZMM names. (The sets of the whole file that name only ZMM
/// registers, above, say <c>RegisterFile = typeof(X86Reg)</c>: this class holds their registers too.)
/// </summary>
[RegisterClass(typeof(X86Reg), "ZmmMask", From = X86Reg.ZMM0, To = X86Reg.ZMM31)]
[RegisterSet("CALLEE_SAVED_WINDOWS", From = X86Reg.ZMM6, To = X86Reg.ZMM15,
    Summary = "XMM6-XMM15: the vector registers the Windows x64 ABI makes the callee save.")]
public static partial class Avx512
{
}

/// <summary>The ABI's promises, checked at compile time.</summary>
[RegisterSetsDisjoint(nameof(SysV.CALLER_SAVED), nameof(SysV.CALLEE_SAVED))]
[RegisterSetsDisjoint(nameof(SysV.GPRS), nameof(SysV.AVX512_STATE))]
[RegisterSetSubset(nameof(SysV.SSE_LEGACY), nameof(SysV.AVX512_STATE))]
public static class SysVInvariants
{
}
