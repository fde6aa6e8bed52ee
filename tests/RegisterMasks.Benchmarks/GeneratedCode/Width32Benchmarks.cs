using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RegisterMasks.Shared;

namespace RegisterMasks.Benchmarks.GeneratedCode;

/// <summary>
/// The generated members for a 32-bit enum mask against what a user would write instead:
/// Enum.ToString/HasFlag/TryParse/GetValues, and the hand-written bit operations.
/// Each benchmark walks 1024 random masks; figures are per operation.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Width32Benchmarks
{
    private const int N = 1024;
    private readonly Reg32Mask[] _masks = new Reg32Mask[N];
    private readonly Reg32[] _registers = new Reg32[N];
    private readonly string[] _texts = new string[N];
    private readonly Reg32Mask[] _single = new Reg32Mask[N];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(32);
        for (var i = 0; i < N; i++)
        {
            _masks[i] = (Reg32Mask)(uint)random.NextInt64();
            _registers[i] = (Reg32)random.Next(32);
            _texts[i] = _masks[i].ToStringFast();
            _single[i] = _registers[i].ToMask();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("ToString")]
    public int EnumToString()
    {
        var length = 0;
        foreach (var mask in _masks) length += mask.ToString().Length;
        return length;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("ToString")]
    public int ToStringFast()
    {
        var length = 0;
        foreach (var mask in _masks) length += mask.ToStringFast().Length;
        return length;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("ToString, one register")]
    public int EnumToStringOneRegister()
    {
        var length = 0;
        foreach (var mask in _single) length += mask.ToString().Length;
        return length;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("ToString, one register")]
    public int ToStringFastOneRegister()
    {
        var length = 0;
        foreach (var mask in _single) length += mask.ToStringFast().Length;
        return length;
    }

    // ToMask checks the register names one (a compare with the highest register + 1): a value cast from a
    // number that names none gives None. The hand-written shift has no such check.
    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("ToMask")]
    public uint HandWrittenShift()
    {
        uint bits = 0;
        for (var i = 0; i < N; i++) bits ^= 1u << (int)_registers[i];
        return bits;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("ToMask")]
    public uint ToMask()
    {
        uint bits = 0;
        for (var i = 0; i < N; i++) bits ^= (uint)_registers[i].ToMask();
        return bits;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Contains")]
    public int HandWrittenBitTest()
    {
        var count = 0;
        for (var i = 0; i < N; i++) count += ((uint)_masks[i] & (1u << (int)_registers[i])) != 0 ? 1 : 0;
        return count;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Contains")]
    public int Contains()
    {
        var count = 0;
        for (var i = 0; i < N; i++) count += _masks[i].Contains(_registers[i]) ? 1 : 0;
        return count;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Contains")]
    public int EnumHasFlag()
    {
        var count = 0;
        for (var i = 0; i < N; i++) count += _masks[i].HasFlag((Reg32Mask)(1u << (int)_registers[i])) ? 1 : 0;
        return count;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("WithWithout")]
    public uint HandWrittenWithWithout()
    {
        uint sum = 0;
        for (var i = 0; i < N; i++) sum += (((uint)_masks[i] | (1u << (int)_registers[i])) & ~(1u << (int)_registers[(i + 1) & (N - 1)]));
        return sum;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("WithWithout")]
    public uint WithWithout()
    {
        uint sum = 0;
        for (var i = 0; i < N; i++) sum += (uint)_masks[i].With(_registers[i]).Without(_registers[(i + 1) & (N - 1)]);
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Count")]
    public int BitOperationsPopCount()
    {
        var count = 0;
        foreach (var mask in _masks) count += BitOperations.PopCount((uint)mask);
        return count;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Count")]
    public int Count()
    {
        var count = 0;
        foreach (var mask in _masks) count += mask.Count();
        return count;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Registers")]
    public int FilterEnumGetValues()
    {
        var sum = 0;
        foreach (var mask in _masks)
        {
            foreach (var register in Enum.GetValues<Reg32>())
            {
                if (mask.HasFlag(register.ToMask())) sum += (int)register;
            }
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Registers")]
    public int Registers()
    {
        var sum = 0;
        foreach (var mask in _masks)
        {
            foreach (var register in mask.Registers()) sum += (int)register;
        }
        return sum;
    }

    /// <summary>The loop one would write by hand over the word's set bits: the limit for Registers().</summary>
    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Registers")]
    public int HandWrittenBitLoop()
    {
        var sum = 0;
        foreach (var mask in _masks)
        {
            for (var rest = (uint)mask; rest != 0; rest &= rest - 1) sum += BitOperations.TrailingZeroCount(rest);
        }
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("TryParse")]
    public int EnumTryParse()
    {
        var count = 0;
        foreach (var text in _texts) count += Enum.TryParse<Reg32Mask>(text, out var mask) ? (int)(uint)mask & 1 : 0;
        return count;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("TryParse")]
    public int TryParse()
    {
        var count = 0;
        foreach (var text in _texts) count += Reg32MaskExtensions.TryParse(text, out var mask) ? (int)(uint)mask & 1 : 0;
        return count;
    }
    /// <summary>Taking registers out lowest first, as an allocator does, by hand: the limit for TryPopLowest.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("PopLowest")]
    public int HandWrittenPopLoop()
    {
        var sum = 0;
        foreach (var mask in _masks)
        {
            for (var rest = (uint)mask; rest != 0; rest &= rest - 1) sum += BitOperations.TrailingZeroCount(rest);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("PopLowest")]
    public int TryPopLowest()
    {
        var sum = 0;
        foreach (var mask in _masks)
        {
            var rest = mask;
            while (rest.TryPopLowest(out var register)) sum += (int)register;
        }
        return sum;
    }

    /// <summary>Highest first, by hand (the leading zero count, the top bit cleared): the limit for RegistersDescending.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Descending")]
    public int HandWrittenDescendingLoop()
    {
        var sum = 0;
        foreach (var mask in _masks)
        {
            for (var rest = (uint)mask; rest != 0;)
            {
                var index = 31 - BitOperations.LeadingZeroCount(rest);
                sum += index;
                rest &= ~((uint)1 << index);
            }
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Descending")]
    public int RegistersDescending()
    {
        var sum = 0;
        foreach (var mask in _masks)
        {
            foreach (var register in mask.RegistersDescending()) sum += (int)register;
        }
        return sum;
    }
}
