using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.AlertService.Tests.Functional;

public sealed class DefaultEndpointsTests() : DefaultEndpointsConformance<Program>(Permissions.AlertsRead, Permissions.MetricsRead)
{
    protected override (string Path, string Permission) WriteEndpoint => ("/api/v2/alerts", Permissions.AlertsWrite);
}
