using System.ComponentModel.DataAnnotations;

namespace PeerBot.Language;

/// <summary>
/// Azure AI Language settings (<c>PeerBot:AzureLanguage:Endpoint|Key</c>). Nothing is registered when
/// <see cref="Endpoint"/> is empty. Without a key the client authenticates with a <c>TokenCredential</c>
/// registered in DI (Entra ID, scope <c>https://cognitiveservices.azure.com/.default</c>).
/// </summary>
public sealed class AzureLanguageOptions : IValidatableObject
{
    public const string Section = "PeerBot:AzureLanguage";

    /// <summary>Resource endpoint, for example <c>https://my-resource.cognitiveservices.azure.com</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Resource key, sent as <c>Ocp-Apim-Subscription-Key</c>. Keep it in user secrets or a vault.</summary>
    public string? Key { get; set; }

    /// <summary>The analyze-text API version. 2024-11-01 is the GA version our contract tests cover.</summary>
    [Required]
    public string ApiVersion { get; set; } = LanguageClientOptions.DefaultApiVersion;

    /// <summary>Retries after a failed call. The safety screen gives sentiment at most one second anyway.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is null)
            yield break;
        if (!Endpoint.IsAbsoluteUri)
            yield return new ValidationResult("Endpoint must be an absolute URI.", [nameof(Endpoint)]);
        else if (Endpoint.Scheme != Uri.UriSchemeHttps && !Endpoint.IsLoopback)
            yield return new ValidationResult("Endpoint must use https.", [nameof(Endpoint)]);
    }
}
