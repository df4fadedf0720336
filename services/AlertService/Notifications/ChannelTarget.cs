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
}

/// <summary>Slack through the <c>slack</c> binding (an incoming webhook); <see cref="SlackChannel"/> overrides the webhook's default.</summary>
public sealed record SlackTarget(string? SlackChannel = null, bool SendResolved = true) : ChannelTarget(SendResolved)
{
    public override string Channel => "slack";
}

/// <summary>SMS through the <c>sms</c> binding (Twilio) to an E.164 number.</summary>
public sealed record SmsTarget(string ToNumber, bool SendResolved = false) : ChannelTarget(SendResolved)
{
    public override string Channel => "sms";
}

/// <summary>Alertmanager webhook payload v4 through the <c>webhook</c> binding; <see cref="Path"/> is appended to its URL.</summary>
public sealed record WebhookTarget(string? Path = null, bool SendResolved = true) : ChannelTarget(SendResolved)
{
    public override string Channel => "webhook";
}
