using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Functional;

public sealed class DefaultEndpointsTests() : DefaultEndpointsConformance<Program>(Permissions.MetricsRead, Permissions.LogsRead)
{
    protected override (string Path, string Permission) WriteEndpoint => ("/api/v1/metrics", Permissions.MetricsWrite);
}
