namespace PeerBot.Channels.Sms;

/// <summary>The fields of a Twilio status callback we keep. <see cref="To"/> is only hashed, never stored.</summary>
public sealed record SmsStatusUpdate(string MessageSid, string Status, string? ErrorCode, string? To)
{
    public static SmsStatusUpdate? From(IReadOnlyDictionary<string, string> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var sid = Get(form, "MessageSid") ?? Get(form, "SmsSid");
        var status = Get(form, "MessageStatus") ?? Get(form, "SmsStatus");
        if (sid is null || status is null || sid.Length > 64 || status.Length > 32)
            return null;
        var error = Get(form, "ErrorCode");
        return new SmsStatusUpdate(sid, status.ToLowerInvariant(), error is { Length: <= 16 } ? error : null, Get(form, "To"));
    }

    private static string? Get(IReadOnlyDictionary<string, string> form, string key) =>
        form.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
