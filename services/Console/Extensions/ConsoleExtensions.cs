using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Validation;
using AirisEpm.WebConsole.Apps;
using AirisEpm.WebConsole.Auth;
using AirisEpm.WebConsole.Proxy;
using AirisEpm.WebConsole.Users;

namespace AirisEpm.WebConsole.Extensions;

/// <summary>The console's composition root: sign-in, the proxy to the services, the platform's status.</summary>
public static class ConsoleExtensions
{
    public static IHostApplicationBuilder AddConsoleServices(this IHostApplicationBuilder builder)
    {
        builder.AddConsoleAuth();
        builder.Services.AddServiceTokenIssuer(AppIds.Console);
        builder.Services.AddSingleton<ServiceInvoker>();
        builder.Services.AddSingleton<ServiceProxy>();
        builder.Services.AddSingleton<PlatformStatus>();
        builder.Services.AddValidatorsOf<UserRequest>();
        return builder;
    }

    public static WebApplication MapConsoleApi(this WebApplication app)
    {
        app.UseConsoleAntiforgery();
        app.MapSessionApi();
        app.MapUsersApi();
        app.MapAppsApi();
        app.MapProxyApi();
        return app;
    }
}
