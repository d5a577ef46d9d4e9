using PeerBot.Channels.DirectLine;

namespace PeerBot.Channels;

public static class ChannelServices
{
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddSingleton<ReplyRenderer>();
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section);
        services.AddSingleton<DirectLineStore>();
        services.AddHostedService<DirectLineJanitor>();
        return services;
    }
}
