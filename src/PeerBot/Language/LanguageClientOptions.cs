using Azure.Core;

namespace PeerBot.Language;

/// <summary>Pipeline options for <see cref="LanguageClient"/> (retries, transport, diagnostics) and the API version.</summary>
public sealed class LanguageClientOptions : ClientOptions
{
    public const string DefaultApiVersion = "2024-11-01";

    public string ApiVersion { get; set; } = DefaultApiVersion;
}
