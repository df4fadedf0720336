using AirisEpm.AlertService.Domain.Configuration;

namespace AirisEpm.AlertService.Apis.Models;

/// <summary>
/// The answer to a stored configuration: its receivers, and what it asks for that alert-service does
/// not do (an integration type it cannot perform, Go template files), so nobody believes a PagerDuty
/// receiver pages when it does not.
/// </summary>
public sealed record ConfigAccepted(IReadOnlyList<string> Receivers, IReadOnlyList<ConfigNotice> NotSupported)
{
    public static ConfigAccepted Of(AlertingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new([.. config.Receivers.Keys.Order(StringComparer.Ordinal)], config.Notices);
    }
}
