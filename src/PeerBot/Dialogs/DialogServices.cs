namespace PeerBot.Dialogs;

public static class DialogServices
{
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        services.AddSingleton<DialogEngine>();
        return services;
    }
}
