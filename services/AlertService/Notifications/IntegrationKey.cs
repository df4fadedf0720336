namespace AirisEpm.AlertService.Notifications;

/// <summary>One integration of one receiver, as <c>receiver/integration</c> (<c>oncall/slack[0]</c>): what a retry re-sends.</summary>
public static class IntegrationKey
{
    public static string Of(string receiver, string integration) => $"{receiver}/{integration}";

    /// <summary>The failed integrations among <paramref name="records"/>, as keys.</summary>
    public static IReadOnlySet<string> Failed(IEnumerable<NotificationRecord> records) =>
        records.Where(r => r.Outcome == NotificationRecord.Failed).Select(r => Of(r.Receiver, r.Integration ?? Domain.Dispatch.Integration.Group))
            .ToHashSet(StringComparer.Ordinal);
}
