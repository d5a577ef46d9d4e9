using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using PeerBot.BotFramework.Authentication;
using PeerBot.BotFramework.Connector;
using PeerBot.BotFramework.Tests.Testing;
using Xunit;

namespace PeerBot.BotFramework.Tests;

public sealed class BotFrameworkServicesTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void AddBotFramework_NoAppIdOutsideDevelopment_RefusesAndSaysWhy(string environment)
    {
        var configuration = new ConfigurationBuilder().Build();

        var ex = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddBotFramework(configuration, new HostingEnvironment { EnvironmentName = environment }));

        Assert.Contains("AppId", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Development", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddBotFramework_ProductionWithCredentials_ResolvesServices()
    {
        await using var host = BotFrameworkTestHost.Create(
            new Dictionary<string, string?> { ["AppId"] = "app", ["AppPassword"] = "pw" }, environment: "Production");

        Assert.False(host.Get<IOptions<BotFrameworkOptions>>().Value.IsAnonymous);
        Assert.NotNull(host.Get<BotAuthenticator>());
        Assert.NotNull(host.Get<ConnectorClient>());
    }

    [Fact]
    public async Task AddBotFramework_DevelopmentWithoutAppId_IsAnonymous()
    {
        await using var host = BotFrameworkTestHost.Create(new Dictionary<string, string?>());

        Assert.True(host.Get<IOptions<BotFrameworkOptions>>().Value.IsAnonymous);
    }

    [Theory]
    [InlineData("AppPassword", null)]
    [InlineData("AppType", "SingleTenant")]
    [InlineData("AppType", "UserAssignedMSI")]
    [InlineData("OpenIdMetadataUrl", "http://login.example.com/openid")]
    [InlineData("AuthorityHost", "http://127.0.0.1:1")]
    [InlineData("TrustedServiceUrls:0", "not a url")]
    [InlineData("ConnectorMaxRetries", "50")]
    public async Task Options_InvalidSetting_FailValidationNamingIt(string key, string? value)
    {
        var settings = new Dictionary<string, string?> { ["AppId"] = "app", ["AppPassword"] = "pw", [key] = value };
        await using var host = BotFrameworkTestHost.Create(settings);

        var ex = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<BotFrameworkOptions>>().Value);

        Assert.Contains(key.Split(':')[0], ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", ex.Message.Split(' ', '.', ','), StringComparer.Ordinal);
    }

    [Fact]
    public async Task AddHttpClientOfConnectorClient_AfterAddBotFramework_RoutesThroughConfiguredHandler()
    {
        var handler = new RecordingHandler();
        await using var host = BotFrameworkTestHost.Create(new Dictionary<string, string?>(), configure: services =>
            services.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => handler));

        var response = await host.Get<ConnectorClient>().SendAsync("https://connector.example/", "c:1", null,
            new PeerBot.BotFramework.Schema.Activity { Type = "message" }, TestContext.Current.CancellationToken);

        Assert.Equal("from-handler", response.Id);
        Assert.Equal("https://connector.example/v3/conversations/c%3A1/activities", Assert.Single(handler.Uris).AbsoluteUri);
    }

    [Fact]
    public async Task Options_SingleTenantWithTenant_Valid()
    {
        await using var host = BotFrameworkTestHost.Create(new Dictionary<string, string?>
        {
            ["AppId"] = "app", ["AppPassword"] = "pw", ["AppType"] = "SingleTenant", ["TenantId"] = "t-1",
        });

        Assert.Equal("t-1", host.Get<IOptions<BotFrameworkOptions>>().Value.TenantId);
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<Uri> Uris { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uris.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent("""{"id":"from-handler"}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}
