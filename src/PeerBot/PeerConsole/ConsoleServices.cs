using Microsoft.AspNetCore.Authentication.Cookies;

namespace PeerBot.PeerConsole;

public static class ConsoleServices
{
    public static IServiceCollection AddPeerConsole(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication(PeerAuth.Scheme)
            .AddPolicyScheme(PeerAuth.Scheme, "PeerBot console", o =>
                o.ForwardDefaultSelector = context => ConsoleCsrf.IsBearer(context.Request) ? PeerAuth.Bearer : PeerAuth.Cookie)
            .AddCookie(PeerAuth.Cookie, o =>
            {
                o.Cookie.Name = "peerbot.console";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddBearerToken(PeerAuth.Bearer, o => o.BearerTokenExpiration = TimeSpan.FromHours(8));
        // Secure cookies everywhere but a Development machine on plain http://localhost.
        services.AddOptions<CookieAuthenticationOptions>(PeerAuth.Cookie)
            .Configure<IHostEnvironment>((o, environment) =>
                o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        services.AddAuthorizationBuilder()
            .AddPolicy(PeerAuth.PeerPolicy, p => p.RequireRole(PeerRoles.Peer, PeerRoles.Coordinator, PeerRoles.Admin))
            .AddPolicy(PeerAuth.CoordinatorPolicy, p => p.RequireRole(PeerRoles.Coordinator, PeerRoles.Admin));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = PeerAuth.CsrfHeader;
            o.Cookie.Name = "peerbot.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddScoped<PeerAccounts>();
        services.AddScoped<CoordinatorBoard>();
        services.AddHostedService<DemoSeeder>();
        return services;
    }
}
