namespace PeerBot.Conversations;

public static class ConversationServices
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<ReplyOutbox>();
        services.AddSingleton<OutboxCompletions>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxCompletions>());
        services.AddScoped<ConversationStore>();
        services.AddScoped<TurnPipeline>();
        services.AddSingleton<CrisisFirst>();
        services.AddScoped<ActivityProcessor>();
        services.AddHostedService<OutboxSweeper>();
        return services;
    }
}
