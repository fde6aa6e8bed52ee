using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RegisterMasking;

namespace RegisterMasks.Benchmarks.GeneratedCode;

/// <summary>An x86-style enum: general-purpose and vector registers share the values 0-15, and no attribute.</summary>
public enum X86Register
{
    Invalid = -1,
    Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, R8, R9, R10, R11, R12, R13, R14, R15,
    Xmm0 = 0, Xmm1, Xmm2, Xmm3, Xmm4, Xmm5, Xmm6, Xmm7, Xmm8, Xmm9, Xmm10, Xmm11, Xmm12, Xmm13, Xmm14, Xmm15,
}

/// <summary>The vector class: values that run consecutively, so a register's bit is its value less Xmm0's.</summary>
[RegisterClass(typeof(X86Register), "BenchVecMask", From = X86Register.Xmm0, To = X86Register.Xmm15)]
public static partial class BenchVec { }

/// <summary>An enum whose values are no bit indices (a disassembler's, say): a class over scattered values maps by a switch.</summary>
public enum DisasmRegister { None = 0, Al = 1, Eax = 19, Rax = 53, Rcx = 54, Rdx = 55, Rbx = 56, R8 = 61, R9 = 62, R10 = 63, R11 = 64, Xmm0 = 77, Xmm1 = 78, Xmm6 = 83, Xmm7 = 84 }

/// <summary>The argument and scratch registers of the Windows x64 ABI, in the order listed.</summary>
[RegisterClass(typeof(DisasmRegister), "BenchScatteredMask", Registers = new object[] { DisasmRegister.Rcx, DisasmRegister.Rdx, DisasmRegister.R8, DisasmRegister.R9, DisasmRegister.Rax, DisasmRegister.R10, DisasmRegister.R11 })]
public static partial class BenchScattered { }

/// <summary>
/// A register class's value-to-bit mapping against what a user would write by hand: for consecutive values,
/// <c>1u &lt;&lt; (reg - first)</c> with the range check the generated code makes (a value outside the class is
/// no register); for scattered values, a hand-written switch of the same shape. 1024 random registers (a
/// quarter outside the class); figures are per register.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RegisterClassBenchmarks
{
    private const int N = 1024;
    private readonly X86Register[] _vectors = new X86Register[N];
    private readonly DisasmRegister[] _scattered = new DisasmRegister[N];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        var all = Enum.GetValues<DisasmRegister>();
        for (var i = 0; i < N; i++)
        {
            _vectors[i] = (X86Register)random.Next(-4, 16 + 4);   // a few values no vector register has
            _scattered[i] = all[random.Next(all.Length)];
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Consecutive values")]
    public uint HandWrittenShift()
    {
        uint bits = 0;
        foreach (var register in _vectors)
        {
            var bit = (uint)(register - X86Register.Xmm0);
            bits ^= bit < 16u ? 1u << (int)bit : 0u;
        }
        return bits;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Consecutive values")]
    public uint ClassToMask()
    {
        uint bits = 0;
        foreach (var register in _vectors)
        {
            bits ^= (uint)register.ToBenchVecMask();
        }
        return bits;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Scattered values")]
    public uint HandWrittenSwitch()
    {
        uint bits = 0;
        foreach (var register in _scattered)
        {
            bits ^= register switch
            {
                DisasmRegister.Rcx => 1u << 0,
                DisasmRegister.Rdx => 1u << 1,
                DisasmRegister.R8 => 1u << 2,
                DisasmRegister.R9 => 1u << 3,
                DisasmRegister.Rax => 1u << 4,
                DisasmRegister.R10 => 1u << 5,
                DisasmRegister.R11 => 1u << 6,
                _ => 0u,
            };
        }
        return bits;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Scattered values")]
    public uint ClassToMaskScattered()
    {
        uint bits = 0;
        foreach (var register in _scattered)
        {
            bits ^= (uint)register.ToBenchScatteredMask();
        }
        return bits;
    }
}
