namespace AirisEpm.AlertService.Notifications;

/// <summary>Where one receiver channel delivers, and whether it also announces resolution.</summary>
public abstract record ChannelTarget(bool SendResolved)
{
    /// <summary>The channel name used in logs and metrics: email, slack, sms or webhook.</summary>
    public abstract string Channel { get; }
}

/// <summary>Email through the <c>email</c> binding; <see cref="To"/> may list several addresses, comma-separated.</summary>
public sealed record EmailTarget(string To, string? Cc = null, bool SendResolved = true) : ChannelTarget(SendResolved)
{
    public override string Channel => "email";

    /// <summary>The sender, sent as the binding's <c>emailFrom</c>; null keeps the component's.</summary>
    public string? From { get; init; }

    /// <summary>A custom subject template (<see cref="NotificationTemplate"/>); null for the built-in title.</summary>
    public string? SubjectTemplate { get; init; }

    /// <summary>A custom HTML body template; null for the built-in body.</summary>
    public string? HtmlTemplate { get; init; }
}

/// <summary>Slack through the <c>slack</c> binding (an incoming webhook); <see cref="SlackChannel"/> overrides the webhook's default.</summary>
public sealed record SlackTarget(string? SlackChannel = null, bool SendResolved = true) : ChannelTarget(SendResolved)
{
    public override string Channel => "slack";

    /// <summary>A custom title template; null for the built-in title.</summary>
    public string? TitleTemplate { get; init; }

    /// <summary>A custom text template; null for the built-in alert lines.</summary>
    public string? TextTemplate { get; init; }
}

/// <summary>SMS through the <c>sms</c> binding (Twilio) to an E.164 number.</summary>
public sealed record SmsTarget(string ToNumber, bool SendResolved = false) : ChannelTarget(SendResolved)
{
    public override string Channel => "sms";

    /// <summary>A custom text template (still cut to 160 characters); null for the built-in summary.</summary>
    public string? TextTemplate { get; init; }
}

/// <summary>Alertmanager webhook payload v4 through the <c>webhook</c> binding; <see cref="Path"/> is appended to its URL.</summary>
public sealed record WebhookTarget(string? Path = null, bool SendResolved = true) : ChannelTarget(SendResolved)
{
    public override string Channel => "webhook";

    /// <summary>At most this many alerts per payload (<see cref="WebhookTruncation"/>); 0 sends them all.</summary>
    public int MaxAlerts { get; init; }
}
