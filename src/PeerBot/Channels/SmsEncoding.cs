namespace PeerBot.Channels;

/// <summary>How an SMS body is encoded, which fixes how many characters fit in a segment.</summary>
public enum SmsEncoding
{
    /// <summary>GSM 03.38 7-bit: 160 characters in a single SMS, 153 per segment of a longer one.</summary>
    Gsm7,
    /// <summary>UCS-2 (any character outside GSM-7, e.g. á, emoji): 70 single, 67 per segment.</summary>
    Ucs2,
}
