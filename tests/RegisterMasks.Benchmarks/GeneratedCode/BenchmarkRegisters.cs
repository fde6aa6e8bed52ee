using RegisterMasking;
using RegisterMasks.Shared;

namespace RegisterMasks.Benchmarks.GeneratedCode;

// Register files that fill their word, so that random words are all registers.

/// <summary>32 registers: the mask is a uint enum.</summary>
[RegisterFile(32)]
public enum Reg32 { R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13, R14, R15, R16, R17, R18, R19, R20, R21, R22, R23, R24, R25, R26, R27, R28, R29, R30, R31 }

/// <summary>64 registers: the mask is a ulong enum.</summary>
[RegisterFile(64)]
public enum Reg64 { R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13, R14, R15, R16, R17, R18, R19, R20, R21, R22, R23, R24, R25, R26, R27, R28, R29, R30, R31, R32, R33, R34, R35, R36, R37, R38, R39, R40, R41, R42, R43, R44, R45, R46, R47, R48, R49, R50, R51, R52, R53, R54, R55, R56, R57, R58, R59, R60, R61, R62, R63 }

/// <summary>128 registers: the mask is a struct of two words.</summary>
[RegisterFile(128)]
public enum Reg128 { R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13, R14, R15, R16, R17, R18, R19, R20, R21, R22, R23, R24, R25, R26, R27, R28, R29, R30, R31, R32, R33, R34, R35, R36, R37, R38, R39, R40, R41, R42, R43, R44, R45, R46, R47, R48, R49, R50, R51, R52, R53, R54, R55, R56, R57, R58, R59, R60, R61, R62, R63, R64, R65, R66, R67, R68, R69, R70, R71, R72, R73, R74, R75, R76, R77, R78, R79, R80, R81, R82, R83, R84, R85, R86, R87, R88, R89, R90, R91, R92, R93, R94, R95, R96, R97, R98, R99, R100, R101, R102, R103, R104, R105, R106, R107, R108, R109, R110, R111, R112, R113, R114, R115, R116, R117, R118, R119, R120, R121, R122, R123, R124, R125, R126, R127 }

/// <summary>A register cache with values, as KVM's vCPU keeps them: what the cache benchmarks read and write.</summary>
[RegisterCache(typeof(Reg64), ValueType = typeof(ulong))]
public sealed partial class Cache64
{
    partial void LoadRegister(Reg64 register, ref ulong value) => value = (ulong)register;
}

/// <summary>The same cache written by hand, as KVM writes it: an array of values and two masks.</summary>
public sealed class HandWrittenCache64
{
    private readonly ulong[] _values = new ulong[64];
    private ulong _available;
    private ulong _dirty;

    public ulong Read(Reg64 register)
    {
        var bit = 1UL << (int)register;
        if ((_available & bit) == 0)
        {
            _values[(int)register] = (ulong)register;
            _available |= bit;
        }
        return _values[(int)register];
    }

    public void Write(Reg64 register, ulong value)
    {
        _values[(int)register] = value;
        var bit = 1UL << (int)register;
        _available |= bit;
        _dirty |= bit;
    }
}
