namespace AirisEpm.AlertService.Domain.Configuration;

// Mutable shapes YamlDotNet binds to, named as in alertmanager.yml (snake_case via the naming convention).
// Only the loader uses them; everything else sees the validated AlertingConfig.

internal sealed class YamlDocument
{
    public YamlGlobal? Global { get; set; }
    public YamlRoute? Route { get; set; }
    public List<YamlReceiver>? Receivers { get; set; }
    public List<YamlInhibitRule>? InhibitRules { get; set; }
    public List<YamlNamedInterval>? TimeIntervals { get; set; }
    public List<YamlNamedInterval>? MuteTimeIntervals { get; set; }
    public Dictionary<string, YamlRoute>? NamedRoutes { get; set; }
    public List<string>? Templates { get; set; }
}

/// <summary>
/// Every key of Alertmanager 0.25's <c>global</c> block. The SMTP sender becomes each email's default
/// <c>from</c>; the rest (smarthost, credentials, API URLs, <c>http_config</c>) belong to the Dapr
/// component that performs the integration, so they are accepted, kept in the stored YAML and not used.
/// </summary>
internal sealed class YamlGlobal
{
    public string? ResolveTimeout { get; set; }
    public Dictionary<object, object>? HttpConfig { get; set; }
    public string? SmtpFrom { get; set; }
    public string? SmtpHello { get; set; }
    public string? SmtpSmarthost { get; set; }
    public string? SmtpAuthUsername { get; set; }
    public string? SmtpAuthPassword { get; set; }
    public string? SmtpAuthPasswordFile { get; set; }
    public string? SmtpAuthSecret { get; set; }
    public string? SmtpAuthIdentity { get; set; }
    public bool? SmtpRequireTls { get; set; }
    public Dictionary<object, object>? SmtpTlsConfig { get; set; }
    public string? SlackApiUrl { get; set; }
    public string? SlackApiUrlFile { get; set; }
    public string? PagerdutyUrl { get; set; }
    public string? OpsgenieApiUrl { get; set; }
    public string? OpsgenieApiKey { get; set; }
    public string? OpsgenieApiKeyFile { get; set; }
    public string? WechatApiUrl { get; set; }
    public string? WechatApiSecret { get; set; }
    public string? WechatApiCorpId { get; set; }
    public string? VictoropsApiUrl { get; set; }
    public string? VictoropsApiKey { get; set; }
    public string? VictoropsApiKeyFile { get; set; }
    public string? TelegramApiUrl { get; set; }
    public string? WebexApiUrl { get; set; }
}

internal sealed class YamlRoute
{
    public string? Receiver { get; set; }
    public List<string>? GroupBy { get; set; }
    public bool Continue { get; set; }
    public List<string>? Matchers { get; set; }
    public Dictionary<string, string>? Match { get; set; }
    public Dictionary<string, string>? MatchRe { get; set; }
    public string? GroupWait { get; set; }
    public string? GroupInterval { get; set; }
    public string? RepeatInterval { get; set; }
    public List<string>? MuteTimeIntervals { get; set; }
    public List<string>? ActiveTimeIntervals { get; set; }
    public string? EscalationPolicy { get; set; }
    public string? Ref { get; set; }
    public List<YamlRoute>? Routes { get; set; }
}

/// <summary>
/// A receiver with every integration list Alertmanager knows. The ones alert-service performs are typed;
/// the others (<see cref="UnsupportedIntegrations"/>) are taken as any YAML, which amtool has already
/// checked, so they load and are reported as not supported.
/// </summary>
internal sealed class YamlReceiver
{
    public string? Name { get; set; }
    public List<YamlEmail>? EmailConfigs { get; set; }
    public List<YamlSlack>? SlackConfigs { get; set; }
    public List<YamlWebhook>? WebhookConfigs { get; set; }
    public List<YamlSms>? SmsConfigs { get; set; }
    public List<object>? PagerdutyConfigs { get; set; }
    public List<object>? OpsgenieConfigs { get; set; }
    public List<object>? VictoropsConfigs { get; set; }
    public List<object>? PushoverConfigs { get; set; }
    public List<object>? WechatConfigs { get; set; }
    public List<object>? TelegramConfigs { get; set; }
    public List<object>? SnsConfigs { get; set; }
    public List<object>? WebexConfigs { get; set; }
    public List<object>? DiscordConfigs { get; set; }
    public List<object>? MsteamsConfigs { get; set; }
    public List<object>? Msteamsv2Configs { get; set; }
    public List<object>? JiraConfigs { get; set; }
    public List<object>? RocketchatConfigs { get; set; }

    /// <summary>Each integration type alert-service cannot perform, with how many configs name it.</summary>
    public IEnumerable<(string Type, int Count)> UnsupportedIntegrations()
    {
        (string, List<object>?)[] lists =
        [
            ("pagerduty_configs", PagerdutyConfigs), ("opsgenie_configs", OpsgenieConfigs), ("victorops_configs", VictoropsConfigs),
            ("pushover_configs", PushoverConfigs), ("wechat_configs", WechatConfigs), ("telegram_configs", TelegramConfigs),
            ("sns_configs", SnsConfigs), ("webex_configs", WebexConfigs), ("discord_configs", DiscordConfigs),
            ("msteams_configs", MsteamsConfigs), ("msteamsv2_configs", Msteamsv2Configs), ("jira_configs", JiraConfigs),
            ("rocketchat_configs", RocketchatConfigs),
        ];
        return lists.Where(l => l.Item2 is { Count: > 0 }).Select(l => (l.Item1, l.Item2!.Count));
    }
}

/// <summary>Alertmanager's <c>email_configs</c> entry; the SMTP server and its credentials belong to the <c>email</c> component.</summary>
internal sealed class YamlEmail
{
    public bool? SendResolved { get; set; }
    public string? To { get; set; }
    public string? From { get; set; }
    public string? Hello { get; set; }
    public string? Smarthost { get; set; }
    public string? AuthUsername { get; set; }
    public string? AuthPassword { get; set; }
    public string? AuthPasswordFile { get; set; }
    public string? AuthSecret { get; set; }
    public string? AuthIdentity { get; set; }
    public Dictionary<string, string>? Headers { get; set; }
    public string? Html { get; set; }
    public string? Text { get; set; }
    public bool? RequireTls { get; set; }
    public Dictionary<object, object>? TlsConfig { get; set; }
}

/// <summary>Alertmanager's <c>slack_configs</c> entry; the incoming-webhook URL belongs to the <c>slack</c> component.</summary>
internal sealed class YamlSlack
{
    public bool? SendResolved { get; set; }
    public Dictionary<object, object>? HttpConfig { get; set; }
    public string? ApiUrl { get; set; }
    public string? ApiUrlFile { get; set; }
    public string? Channel { get; set; }
    public string? Username { get; set; }
    public string? Color { get; set; }
    public string? Title { get; set; }
    public string? TitleLink { get; set; }
    public string? Pretext { get; set; }
    public string? Text { get; set; }
    public List<object>? Fields { get; set; }
    public bool? ShortFields { get; set; }
    public string? Footer { get; set; }
    public string? Fallback { get; set; }
    public string? CallbackId { get; set; }
    public string? IconEmoji { get; set; }
    public string? IconUrl { get; set; }
    public string? ImageUrl { get; set; }
    public string? ThumbUrl { get; set; }
    public bool? LinkNames { get; set; }
    public List<string>? MrkdwnIn { get; set; }
    public List<object>? Actions { get; set; }
}

/// <summary>Alertmanager's <c>webhook_configs</c> entry; the URL's host belongs to the <c>webhook</c> component, its path is ours.</summary>
internal sealed class YamlWebhook
{
    public bool? SendResolved { get; set; }
    public Dictionary<object, object>? HttpConfig { get; set; }
    public string? Url { get; set; }
    public string? UrlFile { get; set; }
    public int MaxAlerts { get; set; }
}

internal sealed class YamlSms
{
    public string? To { get; set; }
    public bool? SendResolved { get; set; }
    public string? Text { get; set; }
}

internal sealed class YamlInhibitRule
{
    public List<string>? SourceMatchers { get; set; }
    public List<string>? TargetMatchers { get; set; }
    public Dictionary<string, string>? SourceMatch { get; set; }
    public Dictionary<string, string>? SourceMatchRe { get; set; }
    public Dictionary<string, string>? TargetMatch { get; set; }
    public Dictionary<string, string>? TargetMatchRe { get; set; }
    public List<string>? Equal { get; set; }
}

internal sealed class YamlNamedInterval
{
    public string? Name { get; set; }
    public List<YamlInterval>? TimeIntervals { get; set; }
}

internal sealed class YamlInterval
{
    public List<YamlTimeRange>? Times { get; set; }
    public List<string>? Weekdays { get; set; }
    public List<string>? DaysOfMonth { get; set; }
    public List<string>? Months { get; set; }
    public List<string>? Years { get; set; }
    public string? Location { get; set; }
}

internal sealed class YamlTimeRange
{
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
}
