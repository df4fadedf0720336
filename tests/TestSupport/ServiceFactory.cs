using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AirisEpm.TestSupport;

/// <summary>
/// Hosts a service in memory in the Development environment, with no sidecar: the Dapr ports point
/// at a closed loopback port, so sidecar calls fail fast instead of finding a stray daprd.
/// </summary>
public class ServiceFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    /// <summary>
    /// Each host gets its own data folder (embedded stores such as metrics-service's DuckDB file),
    /// so test projects running in parallel never share or lock one another's files.
    /// </summary>
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "airis-host-" + Guid.NewGuid().ToString("N"));

    private readonly Dictionary<string, string?> _settings = new()
    {
        ["DAPR_HTTP_PORT"] = "1",
        ["DAPR_GRPC_PORT"] = "2",
        ["APP_API_TOKEN"] = TestTokens.AppApiToken,
        ["Http:PermitsPerSecond"] = "100000",
        ["Http:Burst"] = "100000",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        // log-service's syslog port (1514 on every address outside Development) stays closed unless a test opens it.
        ["Logs:Syslog:Enabled"] = "false",
    };

    public ServiceFactory()
    {
        _settings["Metrics:Store:DuckDbPath"] = Path.Combine(_dataFolder, "metrics.duckdb");
        _settings["Logs:Store:DataPath"] = Path.Combine(_dataFolder, "logs");
        _settings["Traces:Store:DataDirectory"] = Path.Combine(_dataFolder, "traces");
    }

    public string EnvironmentName { get; set; } = "Development";

    /// <summary>Warnings and errors the host logged, including why it refused to start.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>A client that calls as this app's Dapr sidecar does (with APP_API_TOKEN in dapr-api-token).</summary>
    public HttpClient CreateSidecarClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("dapr-api-token", TestTokens.AppApiToken);
        return client;
    }

    /// <summary>Settings that let the host start outside Development (its own key set, an app token).</summary>
    public ServiceFactory<TEntryPoint> AsProduction(string environmentName = "Production")
    {
        EnvironmentName = environmentName;
        foreach (var (key, value) in TestTokens.ProductionSettings)
        {
            _settings[key] = value;
        }

        return this;
    }

    /// <summary>Serves on a real Kestrel loopback port (for clients that need a socket, such as Prometheus) and returns its address.</summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        return KestrelAddress;
    }

    /// <summary>The Kestrel address once serving on Kestrel.</summary>
    public Uri KestrelAddress => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
        .First(a => a.StartsWith("http://", StringComparison.Ordinal))
        .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

    /// <summary>Overrides a configuration value before the host starts.</summary>
    public ServiceFactory<TEntryPoint> With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        await DeleteDataFolderAsync();
    }

    /// <summary>
    /// A store's last background write (a Lucene merge finishing, a DuckDB checkpoint) can land in a folder being
    /// deleted ("Directory not empty"), so the delete is tried again a few times before it fails the test.
    /// </summary>
    private async Task DeleteDataFolderAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }
}
