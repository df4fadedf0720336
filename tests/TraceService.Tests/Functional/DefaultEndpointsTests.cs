using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.TraceService.Tests.Functional;

public sealed class DefaultEndpointsTests() : DefaultEndpointsConformance<Program>(Permissions.TracesRead, Permissions.MetricsRead)
{
    protected override (string Path, string Permission) WriteEndpoint => ("/v1/traces", Permissions.TracesWrite);
}
