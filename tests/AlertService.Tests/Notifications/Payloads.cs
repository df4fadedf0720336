using AirisEpm.AlertService.Notifications;

namespace AirisEpm.AlertService.Tests.Notifications;

internal static class Payloads
{
    public static WebhookAlert Alert(string status, string service, string summary = "Error rate above 5%") => new()
    {
        Status = status,
        Labels = new Dictionary<string, string> { ["alertname"] = "HighErrorRate", ["severity"] = "critical", ["service"] = service },
        Annotations = new Dictionary<string, string> { ["summary"] = summary },
        StartsAt = new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero),
        GeneratorUrl = "http://localhost:8004/rules/high-error-rate",
        Fingerprint = "a1b2c3d4e5f60708",
    };

    public static WebhookPayload Group(string status, params WebhookAlert[] alerts) => new()
    {
        GroupKey = "{}:{alertname=\"HighErrorRate\"}",
        Status = status,
        Receiver = "oncall",
        GroupLabels = new Dictionary<string, string> { ["alertname"] = "HighErrorRate", ["service"] = "api" },
        CommonLabels = new Dictionary<string, string> { ["alertname"] = "HighErrorRate", ["severity"] = "critical" },
        CommonAnnotations = new Dictionary<string, string>(),
        ExternalUrl = "http://localhost:8004",
        Alerts = alerts,
    };
}
