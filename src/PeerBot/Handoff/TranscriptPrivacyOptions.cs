using System.ComponentModel.DataAnnotations;

namespace PeerBot.Handoff;

/// <summary>Retention of handoff content (DESIGN.md decision 5).</summary>
public sealed class TranscriptPrivacyOptions
{
    public const string Section = "PeerBot:Privacy";

    /// <summary>A closed handoff's transcript and context buffer are deleted this long after closing (time for notes).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan TranscriptGracePeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired content is deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Context-buffer messages of conversations with no open handoff expire after this.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ContextRetention { get; set; } = TimeSpan.FromHours(24);
}
