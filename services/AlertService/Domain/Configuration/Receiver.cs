namespace AirisEpm.AlertService.Domain.Configuration;

/// <summary>
/// A named receiver and its integrations. Defaults of <c>send_resolved</c> follow Alertmanager:
/// false for email and Slack, true for webhook; false for our SMS (a resolved page by SMS is noise).
/// </summary>
public sealed record Receiver(
    string Name,
    IReadOnlyList<EmailConfig> EmailConfigs,
    IReadOnlyList<SlackConfig> SlackConfigs,
    IReadOnlyList<WebhookConfig> WebhookConfigs,
    IReadOnlyList<SmsConfig> SmsConfigs)
{
    public static Receiver Named(string name) => new(name, [], [], [], []);

    /// <summary>True when any integration wants resolved notifications (drives the dispatcher's dedup).</summary>
    public bool SendsResolved =>
        EmailConfigs.Any(c => c.SendResolved) || SlackConfigs.Any(c => c.SendResolved)
        || WebhookConfigs.Any(c => c.SendResolved) || SmsConfigs.Any(c => c.SendResolved);
}

/// <summary>Email through the <c>email</c> binding; <see cref="Subject"/> and <see cref="Html"/> are templates, null for the built-in ones.</summary>
/// <see cref="From"/> is the sender (the entry's <c>from</c>, else <c>global.smtp_from</c>); null leaves it to the component.
public sealed record EmailConfig(string To, bool SendResolved = false, string? Subject = null, string? Html = null, string? From = null);

/// <summary>Slack incoming webhook through the <c>slack</c> binding (the URL lives in the component's secret).</summary>
public sealed record SlackConfig(string? Channel = null, bool SendResolved = false, string? Title = null, string? Text = null);

/// <summary>Alertmanager webhook payload v4 through the <c>webhook</c> binding; <see cref="MaxAlerts"/> 0 = all.</summary>
public sealed record WebhookConfig(string? Url = null, bool SendResolved = true, int MaxAlerts = 0);

/// <summary>SMS through the <c>sms</c> binding (Twilio); text is cut to 160 characters by the notifier.</summary>
public sealed record SmsConfig(string To, bool SendResolved = false, string? Text = null);
