using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RegisterMasking;

namespace RegisterMasks.Benchmarks.GeneratedCode;

/// <summary>
/// One spill loop written once, generic over <c>IRegisterMaskOps</c> and run through each mask's <c>{Mask}Ops</c>, against
/// the same loop written for the concrete mask: pop each live register, find its slot in the packed save area
/// (<c>IndexOf</c> in the mask it was popped from) and store it there. Width 64 (an enum mask) and width 128 (a struct
/// mask), 1024 random masks each; figures are per mask. The generic version should cost what the concrete one does:
/// the JIT compiles a generic method once for each struct type argument, and every member of <c>{Mask}Ops</c> inlines.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GenericSpillBenchmarks
{
    private const int N = 1024;
    private readonly Reg64Mask[] _masks64 = new Reg64Mask[N];
    private readonly Reg128Mask[] _masks128 = new Reg128Mask[N];
    private readonly ulong[] _saveArea = new ulong[128];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2026);
        for (var i = 0; i < N; i++)
        {
            _masks64[i] = (Reg64Mask)(ulong)random.NextInt64();
            _masks128[i] = Reg128Mask.FromWords(new[] { (ulong)random.NextInt64(), (ulong)random.NextInt64() });
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Spill, width 64")]
    public ulong ConcreteSpill64()
    {
        ulong sum = 0;
        foreach (var live in _masks64)
        {
            var rest = live;
            while (rest.TryPopLowest(out var register))
            {
                _saveArea[live.IndexOf(register)] = (ulong)register;
            }
            sum += _saveArea[0];
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Spill, width 64")]
    public ulong GenericSpill64()
    {
        ulong sum = 0;
        foreach (var live in _masks64)
        {
            Spill<Reg64MaskOps, Reg64Mask, Reg64>(live, _saveArea);
            sum += _saveArea[0];
        }
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Spill, width 128")]
    public ulong ConcreteSpill128()
    {
        ulong sum = 0;
        foreach (var live in _masks128)
        {
            var rest = live;
            while (rest.TryPopLowest(out var register))
            {
                _saveArea[live.IndexOf(register)] = (ulong)register;
            }
            sum += _saveArea[0];
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Spill, width 128")]
    public ulong GenericSpill128()
    {
        ulong sum = 0;
        foreach (var live in _masks128)
        {
            Spill<Reg128MaskOps, Reg128Mask, Reg128>(live, _saveArea);
            sum += _saveArea[0];
        }
        return sum;
    }

    /// <summary>The loop an allocator writes once for every register class: each register to its slot.</summary>
    private static void Spill<TOps, TMask, TRegister>(TMask live, ulong[] saveArea)
        where TOps : IRegisterMaskOps<TMask, TRegister>
        where TMask : struct
        where TRegister : struct, Enum
    {
        var rest = live;
        while (TOps.TryPopLowest(ref rest, out var register))
        {
            saveArea[TOps.IndexOf(live, register)] = ToUInt64(register);
        }
    }

    /// <summary>The register's value, as the concrete loops' cast gives it: the JIT folds this for each enum type.</summary>
    private static ulong ToUInt64<TRegister>(TRegister register) where TRegister : struct, Enum =>
        System.Runtime.CompilerServices.Unsafe.SizeOf<TRegister>() == 4
            ? (ulong)System.Runtime.CompilerServices.Unsafe.As<TRegister, int>(ref register)
            : System.Runtime.CompilerServices.Unsafe.As<TRegister, ulong>(ref register);
}
