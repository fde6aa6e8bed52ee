using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RegisterMasks.Shared;

namespace RegisterMasks.Benchmarks.GeneratedCode;

/// <summary>
/// The generated members for a 64-bit enum mask against what a user would write instead:
/// Enum.ToString/HasFlag/TryParse/GetValues, and the hand-written bit operations.
/// Each benchmark walks 1024 random masks; figures are per operation.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Width64Benchmarks
{
    private const int N = 1024;
    private readonly Reg64Mask[] _masks = new Reg64Mask[N];
    private readonly Reg64[] _registers = new Reg64[N];
    private readonly string[] _texts = new string[N];
    private readonly Reg64Mask[] _single = new Reg64Mask[N];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(64);
        for (var i = 0; i < N; i++)
        {
            _masks[i] = (Reg64Mask)(ulong)random.NextInt64();
            _registers[i] = (Reg64)random.Next(64);
            _texts[i] = _masks[i].ToStringFast();
            _single[i] = _registers[i].ToMask();
        }
        foreach (var register in Enum.GetValues<Reg64>())
        {
            _cache.Read(register);             // every register available: the cache benchmarks time hits
            _handWrittenCache.Read(register);
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
    public ulong HandWrittenShift()
    {
        ulong bits = 0;
        for (var i = 0; i < N; i++) bits ^= 1UL << (int)_registers[i];
        return bits;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("ToMask")]
    public ulong ToMask()
    {
        ulong bits = 0;
        for (var i = 0; i < N; i++) bits ^= (ulong)_registers[i].ToMask();
        return bits;
    }

    // A register's slot in a packed save area: the registers of the mask below it, counted. The hand-written
    // version assumes the mask holds the register; IndexOf checks and gives -1 when it does not.
    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("IndexOf")]
    public int HandWrittenIndexOf()
    {
        var sum = 0;
        for (var i = 0; i < N; i++)
        {
            var bits = (ulong)_masks[i];
            var bit = 1UL << (int)_registers[i];
            sum += (bits & bit) != 0 ? System.Numerics.BitOperations.PopCount(bits & (bit - 1)) : -1;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("IndexOf")]
    public int IndexOf()
    {
        var sum = 0;
        for (var i = 0; i < N; i++) sum += _masks[i].IndexOf(_registers[i]);
        return sum;
    }

    // Registers two at a time, as an ARM64 prologue stores them with STP (one per mask: 32 registers on average).
    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Pairs")]
    public int HandWrittenPairLoop()
    {
        var sum = 0;
        foreach (var mask in _masks)
        {
            var bits = (ulong)mask;
            while (bits != 0)
            {
                var first = System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                if (bits == 0)
                {
                    sum += first;
                    break;
                }
                var second = System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                sum += first * 64 + second;
            }
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Pairs")]
    public int Pairs()
    {
        var sum = 0;
        foreach (var mask in _masks)
        {
            foreach (var pair in mask.Pairs())
            {
                sum += pair.HasSecond ? (int)pair.First * 64 + (int)pair.Second : (int)pair.First;
            }
        }
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Contains")]
    public int HandWrittenBitTest()
    {
        var count = 0;
        for (var i = 0; i < N; i++) count += ((ulong)_masks[i] & (1UL << (int)_registers[i])) != 0 ? 1 : 0;
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
        for (var i = 0; i < N; i++) count += _masks[i].HasFlag((Reg64Mask)(1UL << (int)_registers[i])) ? 1 : 0;
        return count;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("WithWithout")]
    public ulong HandWrittenWithWithout()
    {
        ulong sum = 0;
        for (var i = 0; i < N; i++) sum += (((ulong)_masks[i] | (1UL << (int)_registers[i])) & ~(1UL << (int)_registers[(i + 1) & (N - 1)]));
        return sum;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("WithWithout")]
    public ulong WithWithout()
    {
        ulong sum = 0;
        for (var i = 0; i < N; i++) sum += (ulong)_masks[i].With(_registers[i]).Without(_registers[(i + 1) & (N - 1)]);
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Count")]
    public int BitOperationsPopCount()
    {
        var count = 0;
        foreach (var mask in _masks) count += BitOperations.PopCount((ulong)mask);
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
            foreach (var register in Enum.GetValues<Reg64>())
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
            for (var rest = (ulong)mask; rest != 0; rest &= rest - 1) sum += BitOperations.TrailingZeroCount(rest);
        }
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("TryParse")]
    public int EnumTryParse()
    {
        var count = 0;
        foreach (var text in _texts) count += Enum.TryParse<Reg64Mask>(text, out var mask) ? (int)(ulong)mask & 1 : 0;
        return count;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("TryParse")]
    public int TryParse()
    {
        var count = 0;
        foreach (var text in _texts) count += Reg64MaskExtensions.TryParse(text, out var mask) ? (int)(ulong)mask & 1 : 0;
        return count;
    }
    /// <summary>Taking registers out lowest first, as an allocator does, by hand: the limit for TryPopLowest.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("PopLowest")]
    public int HandWrittenPopLoop()
    {
        var sum = 0;
        foreach (var mask in _masks)
        {
            for (var rest = (ulong)mask; rest != 0; rest &= rest - 1) sum += BitOperations.TrailingZeroCount(rest);
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
            for (var rest = (ulong)mask; rest != 0;)
            {
                var index = 63 - BitOperations.LeadingZeroCount(rest);
                sum += index;
                rest &= ~((ulong)1 << index);
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

    private readonly Cache64 _cache = new();
    private readonly HandWrittenCache64 _handWrittenCache = new();

    /// <summary>Reads of available registers (each loaded once in setup), by hand: an array and a mask.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("CacheRead")]
    public ulong HandWrittenCacheRead()
    {
        ulong sum = 0;
        foreach (var register in _registers) sum += _handWrittenCache.Read(register);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("CacheRead")]
    public ulong CacheRead()
    {
        ulong sum = 0;
        foreach (var register in _registers) sum += _cache.Read(register);
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("CacheWrite")]
    public void HandWrittenCacheWrite()
    {
        for (var i = 0; i < N; i++) _handWrittenCache.Write(_registers[i], (ulong)i);
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("CacheWrite")]
    public void CacheWrite()
    {
        for (var i = 0; i < N; i++) _cache.Write(_registers[i], (ulong)i);
    }
}
