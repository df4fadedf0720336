using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Tests.Support;

namespace AirisEpm.TraceService.Tests.Functional;

public sealed class DefaultEndpointsTests() : DefaultEndpointsConformance<Program>(Permissions.TracesRead, Permissions.MetricsRead)
{
    protected override (string Path, string Permission) WriteEndpoint => ("/v1/traces", Permissions.TracesWrite);

    /// <summary>Ingest endpoints take their own, larger limit (Traces:Ingest:MaxBodyBytes); the 413 check lowers both.</summary>
    protected override ServiceFactory<Program> CreateFactory() => new TraceServiceFactory().With("Traces:Ingest:MaxBodyBytes", "1024");
}
