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

internal sealed class YamlGlobal
{
    public string? ResolveTimeout { get; set; }
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

internal sealed class YamlReceiver
{
    public string? Name { get; set; }
    public List<YamlEmail>? EmailConfigs { get; set; }
    public List<YamlSlack>? SlackConfigs { get; set; }
    public List<YamlWebhook>? WebhookConfigs { get; set; }
    public List<YamlSms>? SmsConfigs { get; set; }
}

internal sealed class YamlEmail
{
    public string? To { get; set; }
    public bool? SendResolved { get; set; }
    public Dictionary<string, string>? Headers { get; set; }
    public string? Html { get; set; }
}

internal sealed class YamlSlack
{
    public string? Channel { get; set; }
    public bool? SendResolved { get; set; }
    public string? Title { get; set; }
    public string? Text { get; set; }
}

internal sealed class YamlWebhook
{
    public string? Url { get; set; }
    public bool? SendResolved { get; set; }
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
