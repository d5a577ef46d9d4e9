namespace PeerBot.Safety.Matching;

/// <summary>
/// Open-addressing hash table from word to id, looked up by span with an FNV-1a hash: no allocation and a hash
/// compare before any character compare.
/// </summary>
internal sealed class WordTable
{
    private readonly int[] _buckets;
    private readonly string[] _keys;
    private readonly int[] _hashes;
    private readonly int[] _ids;
    private readonly int _mask;

    public WordTable(IReadOnlyCollection<KeyValuePair<string, int>> words)
    {
        var size = 16;
        while (size < words.Count * 3)
            size <<= 1;
        _mask = size - 1;
        _buckets = new int[size];
        _keys = new string[words.Count];
        _hashes = new int[words.Count];
        _ids = new int[words.Count];
        var n = 0;
        foreach (var (word, id) in words)
        {
            var hash = Hash(word);
            var slot = hash & _mask;
            while (_buckets[slot] != 0)
                slot = (slot + 1) & _mask;
            _keys[n] = word;
            _hashes[n] = hash;
            _ids[n] = id;
            _buckets[slot] = ++n;
        }
    }

    public int Find(ReadOnlySpan<char> word) => Find(word, Hash(word));

    /// <summary>Looks up a word whose hash the normalizer already computed.</summary>
    public int Find(ReadOnlySpan<char> word, int hash)
    {
        var slot = hash & _mask;
        while (true)
        {
            var entry = _buckets[slot];
            if (entry == 0)
                return -1;
            if (_hashes[entry - 1] == hash && word.SequenceEqual(_keys[entry - 1]))
                return _ids[entry - 1];
            slot = (slot + 1) & _mask;
        }
    }

    public static int Hash(ReadOnlySpan<char> word)
    {
        var h = 2166136261u;
        foreach (var c in word)
            h = (h ^ c) * 16777619u;
        return Finish(h);
    }

    public static int Finish(uint hash) => (int)(hash & 0x7FFFFFFF);
}
