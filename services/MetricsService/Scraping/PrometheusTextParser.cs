using System.Globalization;
using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Scraping;

/// <summary>
/// The Prometheus text exposition format 0.0.4, and OpenMetrics 1.0 where the two agree:
/// <code>
/// # HELP name text            (ignored)
/// # TYPE name counter|gauge|histogram|summary|untyped (+ OpenMetrics unknown, info, stateset, gaugehistogram)
/// name{label="value",...} value [timestamp]
/// </code>
/// Label values unescape <c>\\</c>, <c>\"</c> and <c>\n</c>; values may be NaN, +Inf, -Inf.
/// Timestamps are integer milliseconds, or float seconds under OpenMetrics. <c># EOF</c> ends the
/// input; OpenMetrics <c>_created</c> series and exemplars (<c> # {...}</c>) are dropped.
/// </summary>
public static class PrometheusTextParser
{
    public static List<ScrapedSample> Parse(string text, bool openMetrics = false)
    {
        var samples = new List<ScrapedSample>();
        var types = new Dictionary<string, MetricType>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            lineNumber++;
            var line = text.AsSpan()[range].TrimEnd('\r');
            if (line.IsWhiteSpace())
            {
                continue;
            }

            if (line[0] == '#')
            {
                if (line.TrimEnd().SequenceEqual("# EOF"))
                {
                    break;
                }

                ReadComment(line, types);
                continue;
            }

            var sample = ParseSample(line, lineNumber, openMetrics);
            if (sample.Name.EndsWith("_created", StringComparison.Ordinal) && FamilyType(sample.Name, types) is not MetricType.Unknown and not MetricType.Gauge)
            {
                continue;
            }

            samples.Add(sample with { Type = FamilyType(sample.Name, types) });
        }

        return samples;
    }

    private static void ReadComment(ReadOnlySpan<char> line, Dictionary<string, MetricType> types)
    {
        var rest = line[1..].TrimStart();
        if (!rest.StartsWith("TYPE ", StringComparison.Ordinal))
        {
            return;
        }

        rest = rest[5..].Trim();
        var space = rest.IndexOf(' ');
        if (space <= 0)
        {
            return;
        }

        types[rest[..space].ToString()] = rest[(space + 1)..].Trim() switch
        {
            "counter" => MetricType.Counter,
            "gauge" => MetricType.Gauge,
            "histogram" or "gaugehistogram" => MetricType.Histogram,
            "summary" => MetricType.Summary,
            _ => MetricType.Unknown,
        };
    }

    private static MetricType FamilyType(string name, Dictionary<string, MetricType> types)
    {
        if (types.TryGetValue(name, out var type))
        {
            return type;
        }

        foreach (var suffix in (ReadOnlySpan<string>)["_bucket", "_sum", "_count", "_total", "_created", "_gcount", "_gsum", "_info"])
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(name[..^suffix.Length], out type))
            {
                return type;
            }
        }

        return MetricType.Unknown;
    }

    private static ScrapedSample ParseSample(ReadOnlySpan<char> line, int lineNumber, bool openMetrics)
    {
        var cursor = new LineCursor(line, lineNumber);
        var name = cursor.ReadName();
        var labels = cursor.Peek() == '{' ? cursor.ReadLabels() : [];
        cursor.SkipSpaces(required: true);
        var value = ParseValue(cursor.ReadToken(), lineNumber);
        long? timestamp = null;
        cursor.SkipSpaces(required: false);
        if (!cursor.AtEnd && cursor.Peek() != '#')
        {
            timestamp = ParseTimestamp(cursor.ReadToken(), lineNumber, openMetrics);
            cursor.SkipSpaces(required: false);
        }

        if (!cursor.AtEnd && cursor.Peek() != '#')
        {
            throw new ExpositionFormatException(lineNumber, "unexpected text after the timestamp");
        }

        return new ScrapedSample(name, labels, value, timestamp, MetricType.Unknown);
    }

    internal static double ParseValue(ReadOnlySpan<char> token, int lineNumber) => token switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw new ExpositionFormatException(lineNumber, $"'{token}' is not a number"),
    };

    private static long ParseTimestamp(ReadOnlySpan<char> token, int lineNumber, bool openMetrics)
    {
        if (!openMetrics && long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return milliseconds;
        }

        if (openMetrics && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            return (long)Math.Round(seconds * 1000);
        }

        throw new ExpositionFormatException(lineNumber, $"'{token}' is not a timestamp");
    }
}
