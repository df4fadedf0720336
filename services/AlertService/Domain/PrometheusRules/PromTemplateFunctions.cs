using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AirisEpm.GoTemplates;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.PrometheusRules;

/// <summary>
/// The functions Prometheus gives rule templates (its <c>template/template.go</c>): <c>query first label value strvalue
/// args reReplaceAll safeHtml match title toUpper toLower graphLink tableLink sortByLabel humanize humanize1024
/// humanizeDuration humanizePercentage humanizeTimestamp toTime toDuration now pathPrefix externalURL parseDuration
/// stripPort stripDomain</c>, with its formatting (Go's <c>%.4g</c>) and its errors.
/// </summary>
public static class PromTemplateFunctions
{
    private static readonly string[] BigPrefixes = ["k", "M", "G", "T", "P", "E", "Z", "Y"];
    private static readonly string[] BinaryPrefixes = ["ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"];
    private static readonly string[] SmallPrefixes = ["m", "u", "n", "p", "f", "a", "z", "y"];
    // Non-backtracking matching is linear in the text; the bound is for pathological sizes, and wide enough that a loaded
    // machine building the matcher for the first time does not hit it.
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The names Prometheus defines; the parser refuses any other function.</summary>
    public static IReadOnlyDictionary<string, GoFunction> For(ITemplateQuerier? querier, string externalUrl, DateTimeOffset now)
    {
        var url = Uri.TryCreate(externalUrl, UriKind.Absolute, out var parsed) ? parsed : null;
        return new Dictionary<string, GoFunction>(StringComparer.Ordinal)
        {
            ["query"] = a => Query(querier, Str(One(a, "query"))),
            ["first"] = a => One(a, "first") is IReadOnlyList<object?> { Count: > 0 } list ? list[0] : throw new GoTemplateException("first() called on vector with no elements"),
            ["label"] = a => Sample(Two(a, "label")[1]) is { } s && s.TryGet("Labels", out var l) && l is GoMap m && m.Entries.TryGetValue(Str(a[0]), out var v) ? v : "",
            ["value"] = a => Sample(One(a, "value")) is { } s && s.TryGet("Value", out var v) ? v : 0d,
            ["strvalue"] = a => Sample(One(a, "strvalue")) is { } s && s.TryGet("Labels", out var l) && l is GoMap m && m.Entries.TryGetValue("__value__", out var v) ? v : "",
            ["args"] = a => new GoMap(a.Select((v, i) => KeyValuePair.Create("arg" + i.ToString(CultureInfo.InvariantCulture), v)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)),
            ["reReplaceAll"] = a => ReplaceAll(Str(Arity(a, 3, "reReplaceAll")[0]), Str(a[1]), Str(a[2])),
            ["safeHtml"] = a => Str(One(a, "safeHtml")),
            ["match"] = a => Bounded(() => Compile(Str(Two(a, "match")[0])).IsMatch(Str(a[1]))),
            ["title"] = a => Title(Str(One(a, "title"))),
            ["toUpper"] = a => Str(One(a, "toUpper")).ToUpperInvariant(),
            ["toLower"] = a => Str(One(a, "toLower")).ToLowerInvariant(),
            ["graphLink"] = a => "/graph?g0.expr=" + QueryEscape(Str(One(a, "graphLink"))) + "&g0.tab=0",
            ["tableLink"] = a => "/graph?g0.expr=" + QueryEscape(Str(One(a, "tableLink"))) + "&g0.tab=1",
            ["sortByLabel"] = a => SortByLabel(Str(Two(a, "sortByLabel")[0]), a[1]),
            ["humanize"] = a => Humanize(GoValues.ToFloat(One(a, "humanize"))),
            ["humanize1024"] = a => Humanize1024(GoValues.ToFloat(One(a, "humanize1024"))),
            ["humanizeDuration"] = a => HumanizeDuration(GoValues.ToFloat(One(a, "humanizeDuration"))),
            ["humanizePercentage"] = a => G4(GoValues.ToFloat(One(a, "humanizePercentage")) * 100) + "%",
            ["humanizeTimestamp"] = a => HumanizeTimestamp(GoValues.ToFloat(One(a, "humanizeTimestamp"))),
            ["toTime"] = a => ToTime(GoValues.ToFloat(One(a, "toTime"))),
            ["toDuration"] = a => ToDuration(GoValues.ToFloat(One(a, "toDuration"))),
            ["now"] = a => a.Count == 0 ? now.ToUnixTimeMilliseconds() / 1000.0 : throw new GoTemplateException($"wrong number of args for now: want 0 got {a.Count}"),
            ["pathPrefix"] = a => a.Count == 0 ? (url?.AbsolutePath.TrimEnd('/') ?? "") : throw new GoTemplateException($"wrong number of args for pathPrefix: want 0 got {a.Count}"),
            ["externalURL"] = a => a.Count == 0 ? externalUrl : throw new GoTemplateException($"wrong number of args for externalURL: want 0 got {a.Count}"),
            ["parseDuration"] = a => PromDuration.TryParseMs(Str(One(a, "parseDuration")), out var ms, out var error) ? ms / 1000.0 : throw new GoTemplateException(error),
            ["stripPort"] = a => SplitHostPort(Str(One(a, "stripPort"))) is { } hp ? hp.Host : Str(a[0]),
            ["stripDomain"] = a => StripDomain(Str(One(a, "stripDomain"))),
        };
    }

    /// <summary>Go's <c>%.4g</c>.</summary>
    public static string G4(double value) => GoFloat.Format(value, 'g', 4);

    public static string Humanize(double v)
    {
        if (v == 0 || double.IsNaN(v) || double.IsInfinity(v)) return G4(v);
        var prefix = "";
        if (Math.Abs(v) >= 1)
        {
            foreach (var p in BigPrefixes)
            {
                if (Math.Abs(v) < 1000) break;
                prefix = p;
                v /= 1000;
            }

            return G4(v) + prefix;
        }

        foreach (var p in SmallPrefixes)
        {
            if (Math.Abs(v) >= 1) break;
            prefix = p;
            v *= 1000;
        }

        return G4(v) + prefix;
    }

    public static string Humanize1024(double v)
    {
        if (Math.Abs(v) <= 1 || double.IsNaN(v) || double.IsInfinity(v)) return G4(v);
        var prefix = "";
        foreach (var p in BinaryPrefixes)
        {
            if (Math.Abs(v) < 1024) break;
            prefix = p;
            v /= 1024;
        }

        return G4(v) + prefix;
    }

    public static string HumanizeDuration(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v)) return G4(v);
        if (v == 0) return G4(v) + "s";
        if (Math.Abs(v) >= 1)
        {
            var sign = v < 0 ? "-" : "";
            v = Math.Abs(v);
            var duration = (long)Math.Min(v, long.MaxValue);
            var (days, hours, minutes, seconds) = (duration / 86400, duration / 3600 % 24, duration / 60 % 60, duration % 60);
            if (days != 0) return string.Create(CultureInfo.InvariantCulture, $"{sign}{days}d {hours}h {minutes}m {seconds}s");
            if (hours != 0) return string.Create(CultureInfo.InvariantCulture, $"{sign}{hours}h {minutes}m {seconds}s");
            if (minutes != 0) return string.Create(CultureInfo.InvariantCulture, $"{sign}{minutes}m {seconds}s");
            return sign + G4(v) + "s";
        }

        var prefix = "";
        foreach (var p in SmallPrefixes)
        {
            if (Math.Abs(v) >= 1) break;
            prefix = p;
            v *= 1000;
        }

        return G4(v) + prefix + "s";
    }

    private static string HumanizeTimestamp(double v) =>
        double.IsNaN(v) || double.IsInfinity(v) ? G4(v) : GoValues.Time(ToTime(v));

    private static DateTimeOffset ToTime(double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds) || Math.Abs(seconds) > 253402300799) throw new GoTemplateException($"cannot convert {G4(seconds)} to time");
        return DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }

    private static TimeSpan ToDuration(double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds) || Math.Abs(seconds) > 9.2e9) throw new GoTemplateException($"cannot convert {G4(seconds)} to duration");
        return TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }

    private static object Query(ITemplateQuerier? querier, string expression)
    {
        if (querier is null) throw new GoTemplateException("no query engine here");
        return querier.Query(expression).Select(s => (object?)ToSample(s)).ToList();
    }

    public static GoStruct ToSample(TemplateSample s) =>
        new("*template.sample", [KeyValuePair.Create("Labels", (object?)GoMap.Strings(s.Labels)), KeyValuePair.Create("Value", (object?)s.Value)]);

    private static GoStruct? Sample(object? value) => value switch
    {
        GoStruct s => s,
        null => null,
        _ => throw new GoTemplateException($"wrong type for value; expected *template.sample; got {GoValues.TypeName(value)}"),
    };

    private static object SortByLabel(string label, object? value)
    {
        if (value is not IReadOnlyList<object?> list) throw new GoTemplateException($"wrong type for value; expected template.queryResult; got {GoValues.TypeName(value)}");
        return list.OrderBy(s => s is GoStruct g && g.TryGet("Labels", out var l) && l is GoMap m && m.Entries.TryGetValue(label, out var v) ? v as string ?? "" : "", StringComparer.Ordinal).ToList();
    }

    private static Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeout);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new GoTemplateException($"error parsing regexp: {ex.Message}");
        }
    }

    /// <summary>Go's <c>Regexp.ReplaceAllString</c>: <c>$1</c>, <c>${1}</c>, <c>$name</c>, <c>${name}</c>, <c>$$</c> in the replacement.</summary>
    private static string ReplaceAll(string pattern, string replacement, string text) =>
        Bounded(() => Compile(pattern).Replace(text, m => Expand(m, replacement)));

    /// <summary>A regex that runs out of its time is the template's error, not the caller's crash.</summary>
    private static T Bounded<T>(Func<T> run)
    {
        try
        {
            return run();
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw new GoTemplateException($"regexp match took longer than {ex.MatchTimeout.TotalMilliseconds:0} ms");
        }
    }

    private static string Expand(Match match, string template)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '$' || i + 1 >= template.Length)
            {
                sb.Append(template[i]);
                continue;
            }

            if (template[i + 1] == '$')
            {
                sb.Append('$');
                i++;
                continue;
            }

            string name;
            if (template[i + 1] == '{')
            {
                var close = template.IndexOf('}', i + 2);
                if (close < 0)
                {
                    sb.Append('$');
                    continue;
                }

                name = template[(i + 2)..close];
                i = close;
            }
            else
            {
                var end = i + 1;
                while (end < template.Length && (char.IsAsciiLetterOrDigit(template[end]) || template[end] == '_')) end++;
                if (end == i + 1)
                {
                    sb.Append('$');
                    continue;
                }

                name = template[(i + 1)..end];
                i = end - 1;
            }

            var group = int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? match.Groups[n] : match.Groups[name];
            if (group.Success) sb.Append(group.Value);
        }

        return sb.ToString();
    }

    /// <summary>Go's <c>strings.Title</c>: the first letter of each word upper-cased.</summary>
    private static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var previous = ' ';
        foreach (var c in s)
        {
            var separator = !(char.IsLetterOrDigit(previous) || previous == '_');
            sb.Append(separator ? char.ToUpperInvariant(c) : c);
            previous = c;
        }

        return sb.ToString();
    }

    private static string QueryEscape(string s) => Uri.EscapeDataString(s).Replace("%20", "+", StringComparison.Ordinal);

    private static (string Host, string Port)? SplitHostPort(string hostPort)
    {
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            return close > 0 && close + 1 < hostPort.Length && hostPort[close + 1] == ':' ? (hostPort[1..close], hostPort[(close + 2)..]) : null;
        }

        var colon = hostPort.LastIndexOf(':');
        if (colon < 0 || hostPort.IndexOf(':', StringComparison.Ordinal) != colon) return null;
        return (hostPort[..colon], hostPort[(colon + 1)..]);
    }

    private static string StripDomain(string hostPort)
    {
        var (host, port) = SplitHostPort(hostPort) ?? (hostPort, "");
        if (IPAddress.TryParse(host, out _)) return hostPort;
        host = host.Split('.')[0];
        return port.Length > 0 ? (host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}") : host;
    }

    private static object? One(IReadOnlyList<object?> a, string name) => Arity(a, 1, name)[0];

    private static IReadOnlyList<object?> Two(IReadOnlyList<object?> a, string name) => Arity(a, 2, name);

    private static IReadOnlyList<object?> Arity(IReadOnlyList<object?> a, int want, string name) =>
        a.Count == want ? a : throw new GoTemplateException($"wrong number of args for {name}: want {want} got {a.Count}");

    private static string Str(object? value) => GoValues.RequireString(value, "");
}
