using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Functional;

public sealed class DefaultEndpointsTests() : DefaultEndpointsConformance<Program>(Permissions.MetricsRead, Permissions.LogsRead)
{
    protected override (string Path, string Permission) WriteEndpoint => ("/api/v1/metrics", Permissions.MetricsWrite);

    /// <summary>
    /// Each host gets its own DuckDB file. The ingest endpoint carries its own body limit
    /// (Metrics:Ingest:MaxBodyBytes, 10 MB), which the shared 413 check lowers along with Http:MaxRequestBodyBytes.
    /// </summary>
    protected override ServiceFactory<Program> CreateFactory() => new MetricsFactory().With("Metrics:Ingest:MaxBodyBytes", "1024");
}
