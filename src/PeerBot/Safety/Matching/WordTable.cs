using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PeerBot.Safety.Matching;

/// <summary>
/// Open-addressing hash table from word to id, looked up by span: one 16-byte slot read (hash, id, where the key's
/// characters sit in one shared array) before any character compare, and no allocation.
/// </summary>
internal sealed class WordTable
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public int Hash;
        public int Id;
        public int KeyStart;
        public int KeyLength; // 0 = empty slot (words are never empty)
    }

    private readonly Slot[] _slots;
    private readonly char[] _chars;
    private readonly int _mask;

    public WordTable(IReadOnlyCollection<KeyValuePair<string, int>> words)
    {
        var size = 16;
        while (size < words.Count * 3)
            size <<= 1;
        _mask = size - 1;
        _slots = new Slot[size];
        var total = 0;
        foreach (var (word, _) in words)
            total += word.Length;
        _chars = new char[total];
        var at = 0;
        foreach (var (word, id) in words)
        {
            if (word.Length == 0)
                continue;
            var hash = Hash(word);
            var slot = hash & _mask;
            while (_slots[slot].KeyLength != 0)
                slot = (slot + 1) & _mask;
            word.CopyTo(_chars.AsSpan(at));
            _slots[slot] = new Slot { Hash = hash, Id = id, KeyStart = at, KeyLength = word.Length };
            at += word.Length;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<char> word)
    {
        var hash = Hash(word);
        var slots = _slots;
        var slot = hash & _mask;
        while (true)
        {
            ref readonly var s = ref slots[slot];
            if (s.KeyLength == 0)
                return -1;
            if (s.Hash == hash && s.KeyLength == word.Length && SameChars(word, _chars.AsSpan(s.KeyStart, s.KeyLength)))
                return s.Id;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Equal-length compare: words of 4 to 8 characters as two 64-bit reads, others char by char or vectorized.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameChars(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length is >= 4 and <= 8)
        {
            var x = MemoryMarshal.AsBytes(a);
            var y = MemoryMarshal.AsBytes(b);
            return MemoryMarshal.Read<ulong>(x) == MemoryMarshal.Read<ulong>(y)
                && MemoryMarshal.Read<ulong>(x[^8..]) == MemoryMarshal.Read<ulong>(y[^8..]);
        }
        return a.SequenceEqual(b);
    }

    /// <summary>
    /// A cheap word hash: the first and last four characters read as two 64-bit values (overlapping for short
    /// words), mixed with the length by one multiplication. Words that share both ends and the length collide and are
    /// told apart by the character compare.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Hash(ReadOnlySpan<char> word)
    {
        ulong h;
        if (word.Length >= 4)
        {
            var bytes = MemoryMarshal.AsBytes(word);
            h = MemoryMarshal.Read<ulong>(bytes) ^ BitOperations.RotateLeft(MemoryMarshal.Read<ulong>(bytes[^8..]), 29);
        }
        else
        {
            h = 0;
            foreach (var c in word)
                h = (h << 16) | c;
        }
        h = (h ^ (ulong)word.Length) * 0x9E3779B97F4A7C15UL;
        return (int)(h >> 33);
    }
}
