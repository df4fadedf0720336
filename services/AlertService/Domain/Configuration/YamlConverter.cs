using AirisEpm.AlertService.Domain.Inhibition;
using AirisEpm.PromQl.Model;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.AlertService.Domain.TimeIntervals;

namespace AirisEpm.AlertService.Domain.Configuration;

/// <summary>Turns the bound YAML shapes into domain types, collecting every error with its path.</summary>
internal sealed class YamlConverter
{
    private readonly List<ConfigError> _errors = [];
    private readonly List<ConfigNotice> _notices = [];
    private string? _smtpFrom;

    public AlertingConfig Convert(YamlDocument doc)
    {
        TimeSpan? resolveTimeout = doc.Global?.ResolveTimeout is { } rt ? Duration(rt, "global.resolve_timeout") : null;
        _smtpFrom = doc.Global?.SmtpFrom;
        if (doc.Templates is { Count: > 0 } templates)
        {
            _notices.Add(new("templates", $"{templates.Count} Go template file pattern(s) not read: alert-service renders its built-in texts and the templates written in a receiver"));
        }
        var route = ToRoute(doc.Route!, "route");
        var named = (doc.NamedRoutes ?? []).Where(kv => kv.Value is not null || Missing($"named_routes.{kv.Key}")).ToDictionary(kv => kv.Key, kv => ToRoute(kv.Value, $"named_routes.{kv.Key}"), StringComparer.Ordinal);
        var receivers = Present(doc.Receivers, "receivers").Select(e => Receiver(e.Item1, $"receivers[{e.Item2}]")).ToList();
        var inhibit = Present(doc.InhibitRules, "inhibit_rules").Select(e => Inhibit(e.Item1, $"inhibit_rules[{e.Item2}]")).ToList();
        var intervals = new Dictionary<string, IReadOnlyList<TimeInterval>>(StringComparer.Ordinal);
        var allIntervals = Present(doc.TimeIntervals, "time_intervals").Select(e => (t: e.Item1, $"time_intervals[{e.Item2}]"))
            .Concat(Present(doc.MuteTimeIntervals, "mute_time_intervals").Select(e => (t: e.Item1, $"mute_time_intervals[{e.Item2}]")));
        foreach (var (named_, path) in allIntervals)
        {
            if (string.IsNullOrEmpty(named_.Name)) _errors.Add(new($"{path}.name", "missing name"));
            else if (!intervals.TryAdd(named_.Name, Present(named_.TimeIntervals, $"{path}.time_intervals").Select(e => Interval(e.Item1, $"{path}.time_intervals[{e.Item2}]")).ToList()))
            {
                _errors.Add(new($"{path}.name", $"duplicate time interval \"{named_.Name}\""));
            }
        }
        try
        {
            var config = AlertingConfig.Create(route, receivers, inhibit, intervals, named, resolveTimeout);
            return _errors.Count == 0 ? config with { Notices = _notices } : throw new ConfigException(_errors);
        }
        catch (ConfigException ex) when (!ReferenceEquals(ex.Errors, _errors))
        {
            throw new ConfigException([.. _errors, .. ex.Errors]);
        }
    }

    private RouteConfig ToRoute(YamlRoute r, string path) => new()
    {
        Receiver = r.Receiver,
        Matchers = Matchers(r.Matchers, r.Match, r.MatchRe, path, "matchers"),
        GroupBy = r.GroupBy?.Select(n => n ?? "").ToList(),
        GroupWait = r.GroupWait is { } gw ? Duration(gw, $"{path}.group_wait") : null,
        GroupInterval = r.GroupInterval is { } gi ? Duration(gi, $"{path}.group_interval") : null,
        RepeatInterval = r.RepeatInterval is { } ri ? Duration(ri, $"{path}.repeat_interval") : null,
        Continue = r.Continue,
        MuteTimeIntervals = r.MuteTimeIntervals?.Select(n => n ?? "").ToList() ?? [],
        ActiveTimeIntervals = r.ActiveTimeIntervals?.Select(n => n ?? "").ToList() ?? [],
        EscalationPolicy = r.EscalationPolicy,
        Ref = r.Ref,
        Routes = Present(r.Routes, $"{path}.routes").Select(e => ToRoute(e.Item1, $"{path}.routes[{e.Item2}]")).ToList(),
    };

    private Receiver Receiver(YamlReceiver r, string path)
    {
        var email = Present(r.EmailConfigs, $"{path}.email_configs").Select(((YamlEmail c, int i) e) =>
            new EmailConfig(Required(e.c.To, $"{path}.email_configs[{e.i}].to"), e.c.SendResolved ?? false, e.c.Headers?.GetValueOrDefault("Subject"), e.c.Html, e.c.From ?? _smtpFrom)).ToList();
        var slack = Present(r.SlackConfigs, $"{path}.slack_configs").Select(e => e.Item1).Select(c => new SlackConfig(c.Channel, c.SendResolved ?? false, c.Title, c.Text)).ToList();
        var webhook = Present(r.WebhookConfigs, $"{path}.webhook_configs").Select(((YamlWebhook c, int i) e) =>
            new WebhookConfig(e.c.Url, e.c.SendResolved ?? true, NotNegative(e.c.MaxAlerts, $"{path}.webhook_configs[{e.i}].max_alerts"))).ToList();
        var sms = Present(r.SmsConfigs, $"{path}.sms_configs").Select(((YamlSms c, int i) e) =>
            new SmsConfig(Required(e.c.To, $"{path}.sms_configs[{e.i}].to"), e.c.SendResolved ?? false, e.c.Text)).ToList();
        var delivered = email.Count + slack.Count + webhook.Count + sms.Count;
        foreach (var (type, count) in r.UnsupportedIntegrations())
        {
            _notices.Add(new($"{path}.{type}", $"{count} {type} not supported by alert-service: receiver \"{r.Name}\" "
                + (delivered > 0 ? "delivers only through its email, Slack, webhook and SMS integrations" : "delivers nothing")));
        }

        return new Receiver(r.Name ?? "", email, slack, webhook, sms);
    }

    private InhibitRule Inhibit(YamlInhibitRule r, string path)
    {
        var equal = r.Equal?.Select(n => n ?? "").ToList() ?? [];
        foreach (var name in equal.Where(n => !LabelNames.IsLegacyLabelName(n))) _errors.Add(new($"{path}.equal", $"invalid label name \"{name}\""));
        return new InhibitRule(
            Matchers(r.SourceMatchers, r.SourceMatch, r.SourceMatchRe, path, "source_matchers"),
            Matchers(r.TargetMatchers, r.TargetMatch, r.TargetMatchRe, path, "target_matchers"),
            equal);
    }

    private TimeInterval Interval(YamlInterval t, string path)
    {
        var interval = new TimeInterval();
        try
        {
            interval = new TimeInterval
            {
                Times = t.Times?.Select(x => TimeIntervalParser.ParseTimes(x?.StartTime ?? "", x?.EndTime ?? "")).ToList(),
                Weekdays = t.Weekdays?.Select(x => TimeIntervalParser.ParseWeekdays(x ?? "")).ToList(),
                DaysOfMonth = t.DaysOfMonth?.Select(x => TimeIntervalParser.ParseDaysOfMonth(x ?? "")).ToList(),
                Months = t.Months?.Select(x => TimeIntervalParser.ParseMonths(x ?? "")).ToList(),
                Years = t.Years?.Select(x => TimeIntervalParser.ParseYears(x ?? "")).ToList(),
                Location = TimeIntervalParser.ParseLocation(t.Location),
            };
        }
        catch (FormatException ex)
        {
            _errors.Add(new(path, ex.Message));
        }
        return interval;
    }

    private List<Matcher> Matchers(List<string>? matchers, Dictionary<string, string>? match, Dictionary<string, string>? matchRe, string path, string field)
    {
        var result = new List<Matcher>();
        foreach (var (text, i) in Present(matchers, $"{path}.{field}"))
        {
            if (AlertmanagerMatchers.TryParse(text, out var parsed, out var error)) result.AddRange(parsed);
            else _errors.Add(new($"{path}.{field}[{i}]", error!.Message));
        }
        foreach (var (kv, type) in (match ?? []).Select(kv => (kv, MatchOp.Equal)).Concat((matchRe ?? []).Select(kv => (kv, MatchOp.Regex))))
        {
            try
            {
                result.Add(AlertmanagerMatchers.Create(kv.Key, type, kv.Value ?? ""));
            }
            catch (MatcherException ex)
            {
                _errors.Add(new($"{path}.{field}", ex.Reason));
            }
        }
        return result;
    }

    /// <summary>The entries of a list with their index; a null entry (<c>- ~</c> or a bare <c>-</c>) is an error at its index.</summary>
    private IEnumerable<(T, int)> Present<T>(List<T>? list, string path)
        where T : class?
    {
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            if (list![i] is { } item) yield return (item, i);
            else _errors.Add(new($"{path}[{i}]", "empty entry"));
        }
    }

    private bool Missing(string path)
    {
        _errors.Add(new(path, "empty entry"));
        return false;
    }

    private TimeSpan? Duration(string text, string path)
    {
        if (PromDuration.TryParseMs(text, out var ms)) return TimeSpan.FromMilliseconds(ms);
        _errors.Add(new(path, $"invalid duration \"{text}\""));
        return null;
    }

    /// <summary>Alertmanager reads counts such as <c>max_alerts</c> as unsigned: a negative one is an error, not "no limit".</summary>
    private int NotNegative(int value, string path)
    {
        if (value >= 0) return value;
        _errors.Add(new(path, $"must not be negative (got {value})"));
        return 0;
    }

    private string Required(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value)) _errors.Add(new(path, "required"));
        return value ?? "";
    }
}
