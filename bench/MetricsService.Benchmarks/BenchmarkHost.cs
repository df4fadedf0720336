using System.Net.Http.Headers;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace AirisEpm.MetricsService.Benchmarks;

/// <summary>
/// metrics-service on real Kestrel on a loopback port (WebApplicationFactory.UseKestrel), on a fresh
/// DuckDB file: requests go through sockets, HTTP parsing, auth, validation, the batching writer and the store.
/// </summary>
public sealed class BenchmarkHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-bench-" + Guid.NewGuid().ToString("N"));

    public BenchmarkHost()
    {
        UseKestrel(0);
        StartServer();
    }

    public HttpClient Client(params string[] permissions)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", TokenIssuer.Mint(SigningKeys.ParsePrivateKey(DevelopmentKeys.PrivateJwk), "airis-epm", AirisEpm.ServiceDefaults.Dapr.AppIds.All, "bench", permissions, TimeSpan.FromHours(2)));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSolutionRelativeContentRoot("services/MetricsService", "AirisEpm.sln");
        builder.UseSetting("Metrics:Store:DuckDbPath", Path.Combine(_folder, "metrics.duckdb"));
        builder.UseSetting("DAPR_HTTP_PORT", "1");
        builder.UseSetting("DAPR_GRPC_PORT", "2");
        builder.UseSetting("Http:PermitsPerSecond", "1000000");
        builder.UseSetting("Http:Burst", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
