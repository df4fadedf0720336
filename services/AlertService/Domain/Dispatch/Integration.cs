using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Domain.Routing;

namespace AirisEpm.AlertService.Domain.Dispatch;

/// <summary>
/// One integration of a receiver, the unit the notification log dedupes and the engine retries
/// (Alertmanager's nflog keys entries by group key and receiver integration: <c>email[0]</c>,
/// <c>slack[1]</c>, ...). A route with an escalation policy, and a receiver with no integration,
/// count as the single integration <see cref="Group"/>: the incident actor (or nothing) receives the group.
/// </summary>
public sealed record Integration(string Name, bool SendResolved)
{
    public const string Group = "group";

    /// <summary><c>kind[index]</c>, the index counted within the receiver's integrations of that kind.</summary>
    public static string NameOf(string kind, int index) => $"{kind}[{index}]";

    /// <summary>The integrations a group on <paramref name="route"/> notifies, in the receiver's order (email, slack, sms, webhook).</summary>
    public static IReadOnlyList<Integration> Of(ResolvedRoute route, AlertingConfig config)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(config);
        if (!config.Receivers.TryGetValue(route.Receiver, out var receiver)) return [new Integration(Group, false)];
        if (route.EscalationPolicy is not null) return [new Integration(Group, receiver.SendsResolved)];
        List<Integration> all =
        [
            .. receiver.EmailConfigs.Select((c, i) => new Integration(NameOf("email", i), c.SendResolved)),
            .. receiver.SlackConfigs.Select((c, i) => new Integration(NameOf("slack", i), c.SendResolved)),
            .. receiver.SmsConfigs.Select((c, i) => new Integration(NameOf("sms", i), c.SendResolved)),
            .. receiver.WebhookConfigs.Select((c, i) => new Integration(NameOf("webhook", i), c.SendResolved)),
        ];
        return all.Count > 0 ? all : [new Integration(Group, false)];
    }
}
