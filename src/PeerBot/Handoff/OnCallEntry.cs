namespace PeerBot.Handoff;

/// <summary>
/// One line of the on-call roster (<c>PeerBot:Handoff:OnCall:N</c>): a phone number in E.164 and, optionally, the
/// daily window when it is on duty (<c>From</c>/<c>To</c> as HH:mm in <see cref="HandoffOptions.OnCallTimeZone"/>;
/// a window past midnight such as 20:00–08:00 wraps). Without a window the number is always on call.
/// </summary>
public sealed class OnCallEntry
{
    public string? Phone { get; set; }

    public TimeOnly? From { get; set; }

    public TimeOnly? To { get; set; }

    public bool IsValid =>
        Phone is { Length: >= 8 and <= 16 } phone && phone[0] == '+' && phone.Skip(1).All(char.IsAsciiDigit)
        && (From is null) == (To is null) && (From is null || From != To);

    public bool IsOnDutyAt(TimeOnly localTime)
    {
        if (From is not { } from || To is not { } to)
            return true;
        return from < to ? localTime >= from && localTime < to : localTime >= from || localTime < to;
    }
}
