using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Functional;

/// <summary>The service in memory on its own temporary DuckDB file, deleted afterwards.</summary>
public sealed class MetricsFactory : ServiceFactory<Program>
{
    public MetricsFactory()
    {
        Folder = Path.Combine(Path.GetTempPath(), "airis-metrics-" + Guid.NewGuid().ToString("N"));
        DuckDbPath = Path.Combine(Folder, "metrics.duckdb");
        With("Metrics:Store:DuckDbPath", DuckDbPath);
    }

    public string Folder { get; }

    /// <summary>The Kestrel address after <see cref="OnKestrel"/>.</summary>
    public Uri BaseAddress => KestrelAddress;

    /// <summary>Serves on a real Kestrel port (for clients that need one, such as Prometheus), see <see cref="BaseAddress"/>.</summary>
    public MetricsFactory OnKestrel()
    {
        UseKestrel(0);
        StartServer();
        return this;
    }

    public string DuckDbPath { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
