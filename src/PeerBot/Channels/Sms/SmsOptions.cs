using System.ComponentModel.DataAnnotations;

namespace PeerBot.Channels.Sms;

/// <summary>What the SMS compliance replies say about the program (CTIA: HELP names the program and a contact).</summary>
public sealed class SmsOptions
{
    public const string Section = "PeerBot:Sms";

    [Required, StringLength(40, MinimumLength = 1)]
    public string ProgramName { get; set; } = "PeerBot";

    /// <summary>A phone number or web address where a person at the organization answers (optional).</summary>
    [StringLength(80)]
    public string? Contact { get; set; }
}
