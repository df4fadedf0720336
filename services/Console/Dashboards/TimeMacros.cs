using System.Globalization;
using System.Text.RegularExpressions;

namespace AirisEpm.WebConsole.Dashboards;

/// <summary>
/// Grafana's time macros, which dashboards keep in their expressions as written and the page replaces before
/// each query, from the query's step and the dashboard's range (the same rules as Grafana's Prometheus data source):
/// <list type="bullet">
/// <item><c>$__interval</c> is the step (<c>30s</c>); <c>$__interval_ms</c> the step in milliseconds.</item>
/// <item><c>$__rate_interval</c> is max(step + scrape interval, 4 × scrape interval), with AIRIS's scrape interval of
/// 15 s: a <c>rate()</c> window that always holds at least four scrapes and never skips samples between two steps
/// (step 15 s → <c>60s</c>, step 60 s → <c>75s</c>).</item>
/// <item><c>$__range</c> is the range in whole seconds (<c>21600s</c> for six hours); <c>$__range_s</c> and
/// <c>$__range_ms</c> are the bare numbers.</item>
/// </list>
/// Each may be written <c>$__name</c>, <c>${__name}</c> or <c>[[__name]]</c>. Other <c>$__</c> names are left alone.
/// </summary>
public static partial class TimeMacros
{
    /// <summary>metrics-service's default scrape interval (Metrics:Scraping:DefaultIntervalSeconds).</summary>
    public static readonly TimeSpan DefaultScrapeInterval = TimeSpan.FromSeconds(15);

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "__interval", "__interval_ms", "__rate_interval", "__range", "__range_s", "__range_ms",
    };

    public static TimeSpan RateInterval(TimeSpan step, TimeSpan scrapeInterval) =>
        TimeSpan.FromTicks(Math.Max((step + scrapeInterval).Ticks, 4 * scrapeInterval.Ticks));

    public static string Interpolate(string expr, TimeSpan step, TimeSpan range) =>
        Interpolate(expr, step, range, DefaultScrapeInterval);

    public static string Interpolate(string expr, TimeSpan step, TimeSpan range, TimeSpan scrapeInterval)
    {
        ArgumentNullException.ThrowIfNull(expr);
        return Reference().Replace(expr, match =>
        {
            var name = match.Groups["braced"].Success ? match.Groups["braced"].Value
                : match.Groups["bracketed"].Success ? match.Groups["bracketed"].Value
                : match.Groups["bare"].Value;
            return name switch
            {
                "__interval" => Duration(step),
                "__interval_ms" => Whole(step.TotalMilliseconds),
                "__rate_interval" => Duration(RateInterval(step, scrapeInterval)),
                "__range" => Whole(range.TotalSeconds) + "s",
                "__range_s" => Whole(range.TotalSeconds),
                "__range_ms" => Whole(range.TotalMilliseconds),
                _ => match.Value,
            };
        });
    }

    /// <summary>The <c>$__</c> names in <paramref name="expr"/> (any of the three spellings).</summary>
    public static IEnumerable<string> ReferencedNames(string expr) =>
        Reference().Matches(expr).Select(m => m.Groups["braced"].Success ? m.Groups["braced"].Value
            : m.Groups["bracketed"].Success ? m.Groups["bracketed"].Value
            : m.Groups["bare"].Value);

    /// <summary>Whole seconds as <c>30s</c>, anything finer in milliseconds (<c>1500ms</c>): both valid PromQL durations.</summary>
    private static string Duration(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerSecond == 0
            ? Whole(span.TotalSeconds) + "s"
            : Whole(span.TotalMilliseconds) + "ms";

    private static string Whole(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\$\{(?<braced>__\w+)(?::[^}]*)?\}|\[\[(?<bracketed>__\w+)\]\]|\$(?<bare>__\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
