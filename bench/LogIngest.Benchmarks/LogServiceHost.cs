using AirisEpm.Benchmarks;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.LogIngest.Benchmarks;

/// <summary>
/// log-service as it runs in production: its own process (the built <c>AirisEpm.LogService.dll</c> beside this benchmark,
/// under its own runtime configuration, so server GC) on real Kestrel on a loopback port, Development environment, its
/// Lucene store in a fresh folder under /tmp that is deleted at the end. Requests go through sockets, HTTP parsing, auth,
/// the ingest readers, the pattern miner, the batching writer, the WAL and the index; the server's CPU time, resident
/// memory and allocations are its own. <c>BENCH_SERVICE_ENV="NAME=value;NAME=value"</c> adds to its environment
/// (runtime knobs such as <c>DOTNET_GCgen0size</c>, service settings such as <c>Logs__Store__IndexingThreads</c>).
/// </summary>
public sealed class LogServiceHost : IDisposable
{
    private readonly string _folder;
    private readonly ServiceProcess _service;
    private readonly HttpClient _reader;

    private LogServiceHost(string folder, ServiceProcess service)
    {
        (_folder, _service) = (folder, service);
        _reader = Client(Permissions.LogsRead);
    }

    public int ProcessId => _service.ProcessId;

    public static async Task<LogServiceHost> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("airis-ingest-bench-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["Logs__Store__DataPath"] = Path.Combine(folder, "logs"),
            ["Http__PermitsPerSecond"] = "10000000",
            ["Http__Burst"] = "10000000",
        };
        foreach (var (name, value) in BenchServiceEnvironment.Pairs())
        {
            environment[name] = value;
        }

        return new LogServiceHost(folder, await ServiceProcess.StartAsync("LogService", environment, CancellationToken.None));
    }

    /// <summary>A client with one connection per concurrent caller and a token holding <paramref name="permissions"/>.</summary>
    public HttpClient Client(params string[] permissions)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = _service.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        return client.WithToken(TimeSpan.FromHours(4), permissions);
    }

    /// <summary>Methods the server's JIT has compiled so far (<see cref="JitWarmUp"/>).</summary>
    public Task<long> CompiledMethodsAsync() => ServerMetrics.CompiledMethodsAsync(_reader);

    /// <summary>Bytes the server has allocated on its managed heap so far.</summary>
    public Task<long> AllocatedBytesAsync() => ServerMetrics.AllocatedBytesAsync(_reader);

    /// <summary>
    /// Returns once the store has indexed every record acknowledged so far, read from its indexing lag on <c>/metrics</c>
    /// (<c>airis_logs_store_unindexed</c>) rather than by searching: a search would make the store search-active for
    /// the next 30 seconds, refreshing its readers every second, and a run that searches does so on purpose
    /// (<see cref="SearchLoad"/>). The Prometheus exporter answers from a scrape up to 300 ms old, so only a reading
    /// taken at least that long after the call counts; a run's time may include up to that much of waiting.
    /// </summary>
    public async Task SettleAsync()
    {
        var since = System.Diagnostics.Stopwatch.StartNew();
        while (since.Elapsed < ScrapeCache || await ServerMetrics.ReadAsync(_reader, "airis_logs_store_unindexed") > 0)
        {
            await Task.Delay(20);
        }
    }

    private static readonly TimeSpan ScrapeCache = TimeSpan.FromMilliseconds(320);

    public void Dispose()
    {
        _reader.Dispose();
        _service.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
