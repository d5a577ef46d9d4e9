using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerBot.BotFramework.Schema;

/// <summary>Error body of a failed connector call: <c>{"error":{…}}</c> (PROTOCOL.md §2.4).</summary>
public sealed class ErrorResponse
{
    /// <summary>The error.</summary>
    public ConnectorError? Error { get; set; }
    /// <summary>Unmodelled properties.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Error details: a code such as <c>BotNotInConversationRoster</c>, and a message.</summary>
public sealed class ConnectorError
{
    /// <summary>Error code.</summary>
    public string? Code { get; set; }
    /// <summary>Finer code some channels add, e.g. Teams' <c>MessageWritesBlocked</c>.</summary>
    public string? SubCode { get; set; }
    /// <summary>Human-readable message from the service.</summary>
    public string? Message { get; set; }
    /// <summary>The upstream HTTP error, if any.</summary>
    public InnerHttpError? InnerHttpError { get; set; }
    /// <summary>Unmodelled properties.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>An upstream HTTP error wrapped in <see cref="ConnectorError"/>.</summary>
public sealed class InnerHttpError
{
    /// <summary>Upstream status code.</summary>
    public int? StatusCode { get; set; }
    /// <summary>Upstream body.</summary>
    public JsonElement? Body { get; set; }
}
