using AirisEpm.AlertService.Domain.Inhibition;
using AirisEpm.AlertService.Domain.Labels;
using AirisEpm.AlertService.Domain.Routing;
using AirisEpm.AlertService.Domain.TimeIntervals;

namespace AirisEpm.AlertService.Domain.Configuration;

/// <summary>Turns the bound YAML shapes into domain types, collecting every error with its path.</summary>
internal sealed class YamlConverter
{
    private readonly List<ConfigError> _errors = [];

    public AlertingConfig Convert(YamlDocument doc)
    {
        TimeSpan? resolveTimeout = doc.Global?.ResolveTimeout is { } rt ? Duration(rt, "global.resolve_timeout") : null;
        var route = ToRoute(doc.Route!, "route");
        var named = (doc.NamedRoutes ?? []).ToDictionary(kv => kv.Key, kv => ToRoute(kv.Value, $"named_routes.{kv.Key}"), StringComparer.Ordinal);
        var receivers = (doc.Receivers ?? []).Select((r, i) => Receiver(r, $"receivers[{i}]")).ToList();
        var inhibit = (doc.InhibitRules ?? []).Select((r, i) => Inhibit(r, $"inhibit_rules[{i}]")).ToList();
        var intervals = new Dictionary<string, IReadOnlyList<TimeInterval>>(StringComparer.Ordinal);
        var allIntervals = (doc.TimeIntervals ?? []).Select((t, i) => (t, $"time_intervals[{i}]"))
            .Concat((doc.MuteTimeIntervals ?? []).Select((t, i) => (t, $"mute_time_intervals[{i}]")));
        foreach (var (named_, path) in allIntervals)
        {
            if (string.IsNullOrEmpty(named_.Name)) _errors.Add(new($"{path}.name", "missing name"));
            else if (!intervals.TryAdd(named_.Name, (named_.TimeIntervals ?? []).Select((t, j) => Interval(t, $"{path}.time_intervals[{j}]")).ToList()))
            {
                _errors.Add(new($"{path}.name", $"duplicate time interval \"{named_.Name}\""));
            }
        }
        try
        {
            var config = AlertingConfig.Create(route, receivers, inhibit, intervals, named, resolveTimeout);
            return _errors.Count == 0 ? config : throw new ConfigException(_errors);
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
        GroupBy = r.GroupBy,
        GroupWait = r.GroupWait is { } gw ? Duration(gw, $"{path}.group_wait") : null,
        GroupInterval = r.GroupInterval is { } gi ? Duration(gi, $"{path}.group_interval") : null,
        RepeatInterval = r.RepeatInterval is { } ri ? Duration(ri, $"{path}.repeat_interval") : null,
        Continue = r.Continue,
        MuteTimeIntervals = r.MuteTimeIntervals ?? [],
        ActiveTimeIntervals = r.ActiveTimeIntervals ?? [],
        EscalationPolicy = r.EscalationPolicy,
        Ref = r.Ref,
        Routes = (r.Routes ?? []).Select((c, i) => ToRoute(c, $"{path}.routes[{i}]")).ToList(),
    };

    private Receiver Receiver(YamlReceiver r, string path)
    {
        var email = (r.EmailConfigs ?? []).Select((c, i) =>
            new EmailConfig(Required(c.To, $"{path}.email_configs[{i}].to"), c.SendResolved ?? false, c.Headers?.GetValueOrDefault("Subject"), c.Html)).ToList();
        var slack = (r.SlackConfigs ?? []).Select(c => new SlackConfig(c.Channel, c.SendResolved ?? false, c.Title, c.Text)).ToList();
        var webhook = (r.WebhookConfigs ?? []).Select(c => new WebhookConfig(c.Url, c.SendResolved ?? true, c.MaxAlerts)).ToList();
        var sms = (r.SmsConfigs ?? []).Select((c, i) => new SmsConfig(Required(c.To, $"{path}.sms_configs[{i}].to"), c.SendResolved ?? false, c.Text)).ToList();
        return new Receiver(r.Name ?? "", email, slack, webhook, sms);
    }

    private InhibitRule Inhibit(YamlInhibitRule r, string path)
    {
        var equal = r.Equal ?? [];
        foreach (var name in equal.Where(n => !LabelName.IsValid(n))) _errors.Add(new($"{path}.equal", $"invalid label name \"{name}\""));
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
                Times = t.Times?.Select(x => TimeIntervalParser.ParseTimes(x.StartTime ?? "", x.EndTime ?? "")).ToList(),
                Weekdays = t.Weekdays?.Select(TimeIntervalParser.ParseWeekdays).ToList(),
                DaysOfMonth = t.DaysOfMonth?.Select(TimeIntervalParser.ParseDaysOfMonth).ToList(),
                Months = t.Months?.Select(TimeIntervalParser.ParseMonths).ToList(),
                Years = t.Years?.Select(TimeIntervalParser.ParseYears).ToList(),
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
        foreach (var (text, i) in (matchers ?? []).Select((m, i) => (m, i)))
        {
            if (MatcherParser.TryParse(text, out var parsed, out var error)) result.AddRange(parsed);
            else _errors.Add(new($"{path}.{field}[{i}]", error!.Message));
        }
        foreach (var (kv, type) in (match ?? []).Select(kv => (kv, MatchOperator.Equal)).Concat((matchRe ?? []).Select(kv => (kv, MatchOperator.Regex))))
        {
            try
            {
                result.Add(Matcher.Create(kv.Key, type, kv.Value));
            }
            catch (MatcherException ex)
            {
                _errors.Add(new($"{path}.{field}", ex.Reason));
            }
        }
        return result;
    }

    private TimeSpan? Duration(string text, string path)
    {
        if (PromDuration.TryParse(text, out var value)) return value;
        _errors.Add(new(path, $"invalid duration \"{text}\""));
        return null;
    }

    private string Required(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value)) _errors.Add(new(path, "required"));
        return value ?? "";
    }
}
