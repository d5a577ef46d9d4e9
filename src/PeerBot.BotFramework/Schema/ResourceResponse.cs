namespace PeerBot.BotFramework.Schema;

/// <summary>The connector's answer to a send: the new activity's id.</summary>
public sealed record ResourceResponse(string? Id);
