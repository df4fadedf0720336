namespace AirisEpm.AlertService.Domain.Configuration;

/// <summary>
/// The one list of alertmanager.yml fields whose values are secrets: stored encrypted, answered as
/// <see cref="Redacted"/>. It holds what our parser accepts today (webhook <c>url</c>) and every field
/// Alertmanager itself types <c>Secret</c> or <c>SecretURL</c> (its config/config.go and
/// config/notifiers.go, and prometheus/common's HTTPClientConfig for <c>http_config</c>), so the day
/// the parser accepts one more integration its credentials are already never stored in plaintext.
/// A pattern is the chain of mapping keys from the root, list indices left out; <c>*</c> is any one key.
/// </summary>
public static class SecretFields
{
    /// <summary>What Alertmanager shows instead of a secret; sent back in a PUT, it keeps the stored value.</summary>
    public const string Redacted = "<secret>";

    private static readonly string[] Fields =
    [
        "global.smtp_auth_password",
        "global.smtp_auth_secret",
        "global.slack_api_url",
        "global.opsgenie_api_key",
        "global.victorops_api_key",
        "global.wechat_api_secret",
        "receivers.email_configs.auth_password",
        "receivers.email_configs.auth_secret",
        "receivers.slack_configs.api_url",
        // url_file names a file rather than holding the URL; it is kept out of sight as well, since it
        // tells a reader where on the host the credential lives.
        "receivers.webhook_configs.url",
        "receivers.webhook_configs.url_file",
        "receivers.pagerduty_configs.routing_key",
        "receivers.pagerduty_configs.service_key",
        "receivers.opsgenie_configs.api_key",
        "receivers.victorops_configs.api_key",
        "receivers.wechat_configs.api_secret",
        "receivers.pushover_configs.user_key",
        "receivers.pushover_configs.token",
        "receivers.telegram_configs.bot_token",
        "receivers.discord_configs.webhook_url",
        "receivers.msteams_configs.webhook_url",
        "receivers.msteamsv2_configs.webhook_url",
        "receivers.sns_configs.sigv4.secret_key",
        // Our sms_configs go through Twilio.
        "receivers.sms_configs.auth_token",
    ];

    /// <summary>The secrets of an <c>http_config</c> block, global or in any integration.</summary>
    private static readonly string[] HttpClientFields =
        ["basic_auth.password", "authorization.credentials", "oauth2.client_secret", "bearer_token", "tls_config.key"];

    private static readonly string[][] Patterns =
    [
        .. Fields
            .Concat(HttpClientFields.SelectMany(f => new[] { $"global.http_config.{f}", $"receivers.*.http_config.{f}" }))
            .Select(p => p.Split('.')),
    ];

    /// <summary>True when the field reached through these mapping keys (indices left out) holds a secret.</summary>
    public static bool IsSecret(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return Patterns.Any(pattern => pattern.Length == keys.Count
            && pattern.Select((segment, i) => segment == "*" || segment == keys[i]).All(match => match));
    }
}
