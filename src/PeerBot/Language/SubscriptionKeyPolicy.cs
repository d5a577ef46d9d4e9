using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PeerBot.Language;

/// <summary>
/// Sends the resource key as <c>Ocp-Apim-Subscription-Key</c>. Azure.Core's own key policy is internal;
/// this one reads <see cref="AzureKeyCredential.Key"/> on every request, so a rotated key takes effect at once.
/// </summary>
internal sealed class SubscriptionKeyPolicy(AzureKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue(LanguageClient.KeyHeader, credential.Key);
}
