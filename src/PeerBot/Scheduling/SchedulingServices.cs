namespace PeerBot.Scheduling;

public static class SchedulingServices
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddOptions<SchedulingOptions>()
            .BindConfiguration(SchedulingOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => ScheduleCalculator.FindZone(o.DefaultTimeZone) is not null, "PeerBot:Scheduling:DefaultTimeZone must be an IANA time zone.")
            .ValidateOnStart();
        services.AddScoped<CheckInScheduler>();
        services.AddScoped<SchedulePlanner>();
        services.AddSingleton<ScheduleDispatcher>();
        services.AddHostedService<ScheduleWorker>();
        return services;
    }
}
