using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PeerBot.Safety.Matching;

/// <summary>
/// Open-addressing hash table from word to id, looked up by span with no allocation. Each 16-byte slot holds the key's
/// first four characters as one 64-bit value, its id, its length and where its characters sit in one shared array:
/// a word of up to four characters (most everyday words) is found or rejected from the slot alone, a longer one needs
/// one more read of its last four characters (and a full compare above eight).
/// </summary>
internal sealed class WordTable
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Slot
    {
        public ulong Head;
        public int Id;
        public int Key; // start in _chars << 8 | length; 0 = empty slot (words are never empty)
    }

    private const int MaxLength = 255;

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
        // Four spare characters: a key's tail is read as 64 bits even when the key is the last one.
        _chars = new char[total + 4];
        var at = 0;
        foreach (var (word, id) in words)
        {
            if (word.Length is 0 or > MaxLength)
                continue;
            var head = Head(word);
            var slot = Hash(head, Tail(word), word.Length) & _mask;
            while (_slots[slot].Key != 0)
                slot = (slot + 1) & _mask;
            word.CopyTo(_chars.AsSpan(at));
            _slots[slot] = new Slot { Head = head, Id = id, Key = (at << 8) | word.Length };
            at += word.Length;
        }
    }

    /// <summary>The id of <paramref name="word"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> word) =>
        word.Length is 0 or > MaxLength ? -1 : Find(word, Head(word));

    /// <summary>
    /// The id of the word at <paramref name="start"/> in <paramref name="buffer"/> (length <paramref name="length"/>), or
    /// -1. A short word's first four characters are read as one 64-bit value and masked when the buffer has room.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<char> buffer, int start, int length)
    {
        if (length is 0 or > MaxLength)
            return -1;
        var word = buffer.Slice(start, length);
        var head = length < 4 && start + 4 <= buffer.Length
            ? Read64(ref MemoryMarshal.GetReference(word)) & ((1UL << (16 * length)) - 1)
            : Head(word);
        return Find(word, head);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(ReadOnlySpan<char> word, ulong head)
    {
        var length = word.Length;
        var tail = Tail(word);
        var slots = _slots;
        var slot = Hash(head, tail, length) & _mask;
        while (true)
        {
            ref readonly var s = ref slots[slot];
            if (s.Key == 0)
                return -1;
            if (s.Head == head && (s.Key & 0xFF) == length && (length <= 4 || SameTail(word, tail, s.Key >> 8)))
                return s.Id;
            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Characters 5.. of a key of the same length (its first four are equal): the last four, then the middle.</summary>
    private bool SameTail(ReadOnlySpan<char> word, ulong tail, int keyStart)
    {
        ref var key = ref _chars[keyStart];
        if (Read64(ref Unsafe.Add(ref key, word.Length - 4)) != tail)
            return false;
        return word.Length <= 8 || word[4..^4].SequenceEqual(_chars.AsSpan(keyStart + 4, word.Length - 8));
    }

    /// <summary>The first four characters as one value (fewer, zero-padded, for a shorter word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Head(ReadOnlySpan<char> word) => word.Length switch
    {
        >= 4 => Read64(ref MemoryMarshal.GetReference(word)),
        3 => word[0] | ((ulong)word[1] << 16) | ((ulong)word[2] << 32),
        2 => word[0] | ((ulong)word[1] << 16),
        _ => word[0],
    };

    /// <summary>The last four characters as one value for a word longer than four, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Tail(ReadOnlySpan<char> word) =>
        word.Length > 4 ? Read64(ref Unsafe.Add(ref MemoryMarshal.GetReference(word), word.Length - 4)) : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read64(ref char at) => Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref at));

    /// <summary>
    /// A cheap word hash: the first and last four characters, mixed with the length by one multiplication. Words that
    /// share both ends and the length collide and are told apart by the compare.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ulong head, ulong tail, int length) =>
        (int)(((head ^ BitOperations.RotateLeft(tail, 29) ^ (ulong)length) * 0x9E3779B97F4A7C15UL) >> 33);
}
