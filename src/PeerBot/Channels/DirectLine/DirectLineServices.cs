namespace PeerBot.Channels.DirectLine;

public static class DirectLineServices
{
    public static IServiceCollection AddLocalDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section);
        services.AddSingleton<DirectLineSecret>();
        services.AddSingleton<DirectLineStore>();
        services.AddHostedService<DirectLineJanitor>();
        services.AddHostedService<DirectLineStartupNotice>();
        return services;
    }
}
