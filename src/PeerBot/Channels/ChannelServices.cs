using PeerBot.Channels.DirectLine;
using PeerBot.Channels.Sms;

namespace PeerBot.Channels;

public static class ChannelServices
{
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddSingleton<ReplyRenderer>();
        services.AddLocalDirectLine();

        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<TwilioMessagesClient>(http => http.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<SmsOptOutLedger>();
        services.AddScoped<SmsStatusRecorder>();
        services.AddSingleton<OutboundSender>();
        services.AddScoped<PeerBot.Handoff.IOnCallPager, TwilioOnCallPager>();
        services.AddScoped<ChannelTurnSteps>();
        return services;
    }
}
