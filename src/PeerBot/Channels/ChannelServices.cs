using PeerBot.Channels.DirectLine;

namespace PeerBot.Channels;

public static class ChannelServices
{
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddSingleton<ReplyRenderer>();
        services.AddLocalDirectLine();
        return services;
    }
}
