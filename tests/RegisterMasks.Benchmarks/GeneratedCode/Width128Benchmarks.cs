using System.Collections;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RegisterMasks.Shared;

namespace RegisterMasks.Benchmarks.GeneratedCode;

/// <summary>
/// The generated 128-bit struct mask against what a user would use instead: <see cref="UInt128"/>
/// with hand-written bit operations, and <see cref="BitArray"/>. Figures are per operation over 1,024 random masks.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class Width128Benchmarks
{
    private const int N = 1024;
    private readonly Reg128Mask[] _masks = new Reg128Mask[N];
    private readonly UInt128[] _words = new UInt128[N];
    private readonly BitArray[] _bitArrays = new BitArray[N];
    private readonly Reg128[] _registers = new Reg128[N];
    private readonly string[] _texts = new string[N];
    private static readonly string[] s_names = Enumerable.Range(0, 128).Select(i => "R" + i).ToArray();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(128);
        for (var i = 0; i < N; i++)
        {
            var value = new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64());
            _words[i] = value;
            _bitArrays[i] = new BitArray(128);
            var mask = Reg128Mask.None;
            for (var bit = 0; bit < 128; bit++)
            {
                if (((value >> bit) & UInt128.One) != UInt128.Zero)
                {
                    mask = mask.With((Reg128)bit);
                    _bitArrays[i][bit] = true;
                }
            }
            _masks[i] = mask;
            _registers[i] = (Reg128)random.Next(128);
            _texts[i] = mask.ToStringFast();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Or")]
    public ulong UInt128Or()
    {
        UInt128 sum = 0;
        for (var i = 0; i < N; i++) sum ^= _words[i] | _words[(i + 1) & (N - 1)];
        return (ulong)sum;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Or")]
    public int MaskOr()
    {
        var sum = Reg128Mask.None;
        for (var i = 0; i < N; i++) sum ^= _masks[i] | _masks[(i + 1) & (N - 1)];
        return sum.GetHashCode();
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Or")]
    public int BitArrayOr()
    {
        var count = 0;
        for (var i = 0; i < N; i++) count += new BitArray(_bitArrays[i]).Or(_bitArrays[(i + 1) & (N - 1)])[5] ? 1 : 0;
        return count;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("And")]
    public ulong UInt128And()
    {
        UInt128 sum = 0;
        for (var i = 0; i < N; i++) sum ^= _words[i] & _words[(i + 1) & (N - 1)];
        return (ulong)sum;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("And")]
    public int MaskAnd()
    {
        var sum = Reg128Mask.None;
        for (var i = 0; i < N; i++) sum ^= _masks[i] & _masks[(i + 1) & (N - 1)];
        return sum.GetHashCode();
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("And")]
    public int BitArrayAnd()
    {
        var count = 0;
        for (var i = 0; i < N; i++) count += new BitArray(_bitArrays[i]).And(_bitArrays[(i + 1) & (N - 1)])[5] ? 1 : 0;
        return count;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Contains")]
    public int UInt128BitTest()
    {
        var count = 0;
        for (var i = 0; i < N; i++) count += ((_words[i] >> (int)_registers[i]) & UInt128.One) != UInt128.Zero ? 1 : 0;
        return count;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Contains")]
    public int MaskContains()
    {
        var count = 0;
        for (var i = 0; i < N; i++) count += _masks[i].Contains(_registers[i]) ? 1 : 0;
        return count;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Contains")]
    public int BitArrayGet()
    {
        var count = 0;
        for (var i = 0; i < N; i++) count += _bitArrays[i][(int)_registers[i]] ? 1 : 0;
        return count;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Count")]
    public int UInt128PopCount()
    {
        var count = 0;
        foreach (var word in _words) count += (int)UInt128.PopCount(word);
        return count;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Count")]
    public int MaskCount()
    {
        var count = 0;
        foreach (var mask in _masks) count += mask.Count();
        return count;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("Count")]
    public int BitArrayCount()
    {
        var count = 0;
        foreach (var bits in _bitArrays)
        {
            for (var i = 0; i < bits.Length; i++) count += bits[i] ? 1 : 0;
        }
        return count;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("ToString")]
    public int HandWrittenNames()
    {
        var length = 0;
        foreach (var word in _words)
        {
            var text = new System.Text.StringBuilder();
            for (var bit = 0; bit < 128; bit++)
            {
                if (((word >> bit) & UInt128.One) == UInt128.Zero) continue;
                if (text.Length > 0) text.Append(", ");
                text.Append(s_names[bit]);
            }
            length += text.ToString().Length;
        }
        return length;
    }

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("ToString")]
    public int ToStringFast()
    {
        var length = 0;
        foreach (var mask in _masks) length += mask.ToStringFast().Length;
        return length;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N), BenchmarkCategory("Registers")]
    public int UInt128Bits()
    {
        var sum = 0;
        foreach (var word in _words)
        {
            for (var rest = word; rest != UInt128.Zero; rest &= rest - UInt128.One) sum += (int)UInt128.TrailingZeroCount(rest);
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

    [Benchmark(OperationsPerInvoke = N), BenchmarkCategory("TryParse")]
    public int TryParse()
    {
        var count = 0;
        foreach (var text in _texts) count += Reg128MaskExtensions.TryParse(text, out var mask) && mask.Contains(Reg128.R0) ? 1 : 0;
        return count;
    }
}
