using System.ComponentModel.DataAnnotations;

namespace PeerBot.Summaries;

/// <summary>Opt-in summaries and client privacy (DESIGN.md decision 5).</summary>
public sealed class SummaryOptions
{
    public const string Section = "PeerBot:Summaries";

    /// <summary>Summaries are deleted this long after they were written.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>An opted-in client's episode ends (and is summarized) after this long without a message.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan EpisodeInactivity { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often ended episodes are summarized and pending erasures applied.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often expired summaries are purged.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Folder of the versioned consent texts (<c>consent.{language}.md</c>), like the resources folder.</summary>
    public string ConsentFolder { get; set; } = "dialogs/consent";

    /// <summary>How many latest summaries <c>my data</c> lists.</summary>
    [Range(1, 20)]
    public int MyDataLatest { get; set; } = 3;
}
