using Azure;
using Azure.Core;
using Microsoft.Extensions.Options;
using PeerBot.Safety;

namespace PeerBot.Language;

public static class LanguageServices
{
    /// <summary>
    /// Registers <see cref="LanguageClient"/> and the <see cref="ISentimentSource"/> adapter, only when
    /// <c>PeerBot:AzureLanguage:Endpoint</c> is set. With a <c>Key</c> the client sends it as
    /// <c>Ocp-Apim-Subscription-Key</c>; without one it needs a <see cref="TokenCredential"/> in DI (Entra ID).
    /// </summary>
    public static IServiceCollection AddAzureLanguage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(AzureLanguageOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(AzureLanguageOptions.Endpoint)]))
            return services;

        services.AddOptions<AzureLanguageOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(CreateClient);
        services.AddSingleton<ISentimentSource, AzureSentimentSource>();
        return services;
    }

    private static LanguageClient CreateClient(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<AzureLanguageOptions>>().Value;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<LanguageClient>();
        var endpoint = options.Endpoint ?? throw new InvalidOperationException($"{AzureLanguageOptions.Section}:Endpoint is not set.");
        var clientOptions = new LanguageClientOptions { ApiVersion = options.ApiVersion };
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(100);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);

        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            LanguageLog.Configured(logger, "key", options.ApiVersion);
            return new LanguageClient(endpoint, new AzureKeyCredential(options.Key), clientOptions);
        }

        var credential = provider.GetService<TokenCredential>() ?? throw new InvalidOperationException(
            $"{AzureLanguageOptions.Section}:Endpoint is set but neither {AzureLanguageOptions.Section}:Key nor a TokenCredential service is configured.");
        LanguageLog.Configured(logger, "entra", options.ApiVersion);
        return new LanguageClient(endpoint, credential, clientOptions);
    }
}
