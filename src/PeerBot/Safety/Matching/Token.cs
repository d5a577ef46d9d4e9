using System.Runtime.InteropServices;

namespace PeerBot.Safety.Matching;

/// <summary>One normalized token: where it sits in the normalized buffer and in the original text.</summary>
[StructLayout(LayoutKind.Auto)]
internal struct Token
{
    public int NormStart;
    public int NormLength;
    public int OrigStart;
    public int OrigEnd;
    public int Sentence;
    public int Clause;
    public int WordId;
    public ulong Classes;
    public TokenFlags Flags;
}

[Flags]
internal enum TokenFlags : byte
{
    None = 0,
    Letter = 1,
    Digit = 2,
    Elongated = 4,
    Emoji = 8,
    LeadingDigit = 16,
}
