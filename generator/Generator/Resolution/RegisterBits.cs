using System;
using System.Collections;
using System.Collections.Generic;

namespace RegisterMasks.Generator.Resolution;

/// <summary>
/// A set of register indices, one bit per index: the set algebra of includes and excludes in word
/// operations, enumerated in ascending index. Indices are those of a register file without errors,
/// so never negative; the words grow for any index past the width given.
/// </summary>
internal sealed class RegisterBits : IEnumerable<int>
{
    private ulong[] _words;

    public RegisterBits(int width)
    {
        _words = new ulong[width <= 0 ? 1 : (width + 63) / 64];
    }

    public static RegisterBits From(IEnumerable<int> indices, int width)
    {
        var bits = new RegisterBits(width);
        foreach (var index in indices)
        {
            bits.Add(index);
        }
        return bits;
    }

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var word in _words)
            {
                for (var rest = word; rest != 0; rest &= rest - 1)
                {
                    count++;
                }
            }
            return count;
        }
    }

    /// <summary>Adds an index; false when it was already there.</summary>
    public bool Add(int index)
    {
        var word = index >> 6;
        if (word >= _words.Length)
        {
            Array.Resize(ref _words, word + 1);
        }
        var bit = 1UL << (index & 63);
        var had = (_words[word] & bit) != 0;
        _words[word] |= bit;
        return !had;
    }

    public bool Contains(int index)
    {
        var word = index >> 6;
        return index >= 0 && word < _words.Length && (_words[word] & (1UL << (index & 63))) != 0;
    }

    /// <summary>Removes an index; false when it was not there.</summary>
    public bool Remove(int index)
    {
        var word = index >> 6;
        var bit = 1UL << (index & 63);
        if (word >= _words.Length || (_words[word] & bit) == 0)
        {
            return false;
        }
        _words[word] &= ~bit;
        return true;
    }

    public void UnionWith(RegisterBits other)
    {
        if (other._words.Length > _words.Length)
        {
            Array.Resize(ref _words, other._words.Length);
        }
        for (var i = 0; i < other._words.Length; i++)
        {
            _words[i] |= other._words[i];
        }
    }

    public IEnumerator<int> GetEnumerator()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            for (var rest = _words[i]; rest != 0; rest &= rest - 1)
            {
                yield return (i << 6) + LowestBit(rest);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int LowestBit(ulong word)
    {
        var index = 0;
        while ((word & 1) == 0)
        {
            word >>= 1;
            index++;
        }
        return index;
    }
}
