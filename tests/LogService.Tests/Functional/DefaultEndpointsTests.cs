using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.LogService.Tests.Functional;

public sealed class DefaultEndpointsTests() : DefaultEndpointsConformance<Program>(Permissions.LogsRead, Permissions.MetricsRead)
{
    protected override (string Path, string Permission) WriteEndpoint => ("/v1/logs", Permissions.LogsWrite);

    /// <summary>Ingest endpoints take their own, larger limit (Logs:Ingest:MaxBodyBytes); the 413 check lowers both.</summary>
    protected override ServiceFactory<Program> CreateFactory() => new ServiceFactory<Program>().With("Logs:Ingest:MaxBodyBytes", "1024");
}
