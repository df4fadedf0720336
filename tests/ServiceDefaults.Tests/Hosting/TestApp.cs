using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace AirisEpm.ServiceDefaults.Tests.Hosting;

/// <summary>
/// A tiny in-memory app with the full ServiceDefaults pipeline and test endpoints, in Development,
/// with no sidecar (Dapr ports point at closed loopback ports).
/// </summary>
internal static class TestApp
{
    public static async Task<WebApplication> StartAsync(
        Action<WebApplication> map,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        var values = new Dictionary<string, string?>
        {
            ["DAPR_HTTP_PORT"] = "1",
            ["DAPR_GRPC_PORT"] = "2",
            ["Auth:UseDevelopmentKeys"] = "true",
            ["Http:PermitsPerSecond"] = "100000",
            ["Http:Burst"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.AddServiceDefaults(AppId);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseServiceDefaults();
        map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    public const string AppId = "test-app";

    public static string Token(string subject, params string[] permissions) =>
        TokenIssuer.Mint(AirisEpm.TestSupport.TestTokens.DevelopmentKey, "airis-epm", [AppId], subject, permissions, TimeSpan.FromMinutes(5));
}
