using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.LogService.Tests.Functional;

public sealed class DefaultEndpointsTests() : DefaultEndpointsConformance<Program>(Permissions.LogsRead, Permissions.MetricsRead)
{
    protected override (string Path, string Permission) WriteEndpoint => ("/v1/logs", Permissions.LogsWrite);
}
