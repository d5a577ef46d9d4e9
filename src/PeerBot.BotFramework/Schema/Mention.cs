namespace PeerBot.BotFramework.Schema;

/// <summary>A <c>mention</c> entity: who was mentioned and the markup that did it (e.g. <c>&lt;at&gt;Bot&lt;/at&gt;</c>).</summary>
/// <param name="Mentioned">The account mentioned.</param>
/// <param name="Text">The mention markup as it appears in the activity's text.</param>
public sealed record Mention(ChannelAccount? Mentioned, string? Text);
