using System.Net.Http.Headers;
using AirisEpm.Benchmarks;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsProtocols.Benchmarks.SideBySide;

/// <summary>One server under load (Prometheus or metrics-service, each its own process) and the client that loads it.</summary>
internal sealed class Receiver : IDisposable
{
    private readonly IDisposable _process;
    private readonly string? _folder;

    private Receiver(string name, IDisposable process, int processId, Uri baseUrl, string? folder)
    {
        Name = name;
        _process = process;
        _folder = folder;
        ProcessId = processId;
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) };
        Client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.With(TimeSpan.FromHours(4), Permissions.MetricsWrite, Permissions.MetricsRead));
    }

    public string Name { get; }

    public HttpClient Client { get; }

    public int ProcessId { get; }

    public bool IsPrometheus => Name == "prometheus";

    public TimeSpan Cpu => ProcessUsage.Cpu(ProcessId);

    public long RssBytes => ProcessUsage.RssBytes(ProcessId);

    public static async Task<Receiver> PrometheusAsync()
    {
        var prometheus = await PrometheusProcess.StartAsync(_ => "global:\n  scrape_interval: 1h\n", ["--web.enable-remote-write-receiver", "--log.level=warn"]);
        return new Receiver("prometheus", prometheus, prometheus.ProcessId, prometheus.BaseUrl, null);
    }

    /// <summary>metrics-service as it runs in production: its own process on real Kestrel (Release build), its own DuckDB folder.</summary>
    public static async Task<Receiver> MetricsServiceAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("airis-bench-metrics-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["Metrics__Store__DuckDbPath"] = Path.Combine(folder, "metrics.duckdb"),
            ["Http__PermitsPerSecond"] = "100000000",
            ["Http__Burst"] = "100000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (name, value) in BenchServiceEnvironment.Pairs())
        {
            environment[name] = value;
        }

        var service = await ServiceProcess.StartAsync("MetricsService", environment, CancellationToken.None);
        return new Receiver("metrics-service", service, service.ProcessId, service.BaseUrl, folder);
    }

    public void Dispose()
    {
        Client.Dispose();
        _process.Dispose();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
