using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace AirisEpm.LogIngest.Benchmarks;

/// <summary>
/// log-service on real Kestrel on a loopback port (WebApplicationFactory.UseKestrel), Development environment,
/// its Lucene store in a fresh folder under /tmp that is deleted at the end: requests go through sockets, HTTP
/// parsing, auth, the ingest readers, the pattern miner, the batching writer, the WAL and the index.
/// </summary>
public sealed class LogServiceHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-ingest-bench-" + Guid.NewGuid().ToString("N"));

    public LogServiceHost()
    {
        UseKestrel(0);
        StartServer();
    }

    public HttpClient Writer()
    {
        var client = CreateClient();
        client.Timeout = TimeSpan.FromMinutes(2);
        return client.WithToken(TimeSpan.FromHours(2), Permissions.LogsWrite);
    }

    /// <summary>
    /// Returns once the store has indexed every record acknowledged so far: an append is acknowledged once it is in
    /// the WAL and indexed behind, and a search waits for what was acknowledged before it (retried past its wait).
    /// </summary>
    public async Task SettleAsync()
    {
        using var reader = CreateClient().WithToken(TimeSpan.FromHours(2), Permissions.LogsRead);
        reader.Timeout = TimeSpan.FromMinutes(2);
        while (true)
        {
            using var response = await reader.GetAsync("/api/v1/logs/search?q=nothing-matches-this&limit=1");
            if (response.IsSuccessStatusCode) return;
            if ((int)response.StatusCode != 503) throw new HttpRequestException($"settling: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSolutionRelativeContentRoot("services/LogService", "AirisEpm.sln");
        builder.UseSetting("Logs:Store:DataPath", Path.Combine(_folder, "logs"));
        builder.UseSetting("DAPR_HTTP_PORT", "1");
        builder.UseSetting("DAPR_GRPC_PORT", "2");
        builder.UseSetting("Http:PermitsPerSecond", "10000000");
        builder.UseSetting("Http:Burst", "10000000");
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
