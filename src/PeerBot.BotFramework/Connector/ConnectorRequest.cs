namespace PeerBot.BotFramework.Connector;

/// <summary>One connector call: where, what, and the JSON body (kept as bytes so retries resend it).</summary>
internal sealed record ConnectorRequest(string Operation, HttpMethod Method, string ServiceUrl, Uri Uri, byte[]? Body);

/// <summary>A successful connector answer.</summary>
internal sealed record ConnectorResponse(int StatusCode, byte[] Body);
