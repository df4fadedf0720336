using System.Security.Cryptography;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.AlertService.Tests.Functional;

public sealed class DefaultEndpointsTests() : DefaultEndpointsConformance<Program>(Permissions.AlertsRead, Permissions.MetricsRead)
{
    protected override (string Path, string Permission) WriteEndpoint => ("/api/v2/alerts", Permissions.AlertsWrite);

    /// <summary>Outside Development alert-service also needs its configuration encryption keys.</summary>
    protected override ServiceFactory<Program> CreateFactory() => new ServiceFactory<Program>()
        .With("ConfigEncryption:ActiveKeyId", "test")
        .With("ConfigEncryption:Keys:test", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}
