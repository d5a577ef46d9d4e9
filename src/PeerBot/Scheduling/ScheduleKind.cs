namespace PeerBot.Scheduling;

public enum ScheduleKind
{
    /// <summary>PeerBot asks how the client is doing.</summary>
    CheckIn,
    /// <summary>A reminder the client set (appointment, meeting, medication pickup).</summary>
    Reminder,
}
