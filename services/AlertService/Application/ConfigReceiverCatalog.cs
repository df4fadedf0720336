using AirisEpm.AlertService.Domain.Configuration;
using AirisEpm.AlertService.Notifications;

namespace AirisEpm.AlertService.Application;

/// <summary>The receivers of the configuration in force, as notification channels.</summary>
public sealed class ConfigReceiverCatalog(AlertingConfigHolder config) : IReceiverCatalog
{
    public IReadOnlyList<ChannelTarget>? Targets(string receiver) =>
        config.Current.Config.Receivers.TryGetValue(receiver, out var r) ? ToTargets(r) : null;

    public static IReadOnlyList<ChannelTarget> ToTargets(Receiver receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        return
        [
            .. receiver.EmailConfigs.Select(c => new EmailTarget(c.To, SendResolved: c.SendResolved) { SubjectTemplate = c.Subject, HtmlTemplate = c.Html, From = c.From }),
            .. receiver.SlackConfigs.Select(c => new SlackTarget(c.Channel, c.SendResolved) { TitleTemplate = c.Title, TextTemplate = c.Text }),
            .. receiver.SmsConfigs.Select(c => new SmsTarget(c.To, c.SendResolved) { TextTemplate = c.Text }),
            .. receiver.WebhookConfigs.Select(c => new WebhookTarget(WebhookPath(c.Url), c.SendResolved) { MaxAlerts = c.MaxAlerts }),
        ];
    }

    /// <summary>
    /// The webhook binding owns the base URL (its secret); a configured URL contributes only its
    /// path and query, so routing config can never send alert data to an arbitrary host.
    /// </summary>
    private static string? WebhookPath(string? url) =>
        url is null ? null
        : Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery.TrimStart('/')
        : url.TrimStart('/');
}
