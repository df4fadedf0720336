using System.Globalization;
using System.Text.RegularExpressions;
using AirisEpm.PromQl.Engine;
using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Tests.Engine;

/// <summary>
/// Loads series written as in Prometheus's test scripts: <c>metric{a="b"}</c> and values such as
/// <c>0+10x5</c> (0, 10, ..., 50), <c>1x3</c>, <c>_</c> (no sample), <c>_x3</c>, <c>stale</c>, <c>NaN</c>, <c>Inf</c>,
/// one value per <c>interval</c> from time 0.
/// </summary>
internal static partial class TestData
{
    public static InMemorySeriesSource Load(string interval, params (string Series, string Values)[] series)
    {
        var source = new InMemorySeriesSource();
        Load(source, interval, series);
        return source;
    }

    public static void Load(InMemorySeriesSource source, string interval, params (string Series, string Values)[] series)
    {
        var step = PromDuration.ParseMs(interval);
        foreach (var (text, values) in series)
        {
            var labels = Labels(text);
            var points = new List<Point>();
            var index = 0;
            foreach (var value in Expand(values))
            {
                if (value is { } v)
                {
                    points.Add(new Point(index * step, v));
                }

                index++;
            }

            source.Add(labels, points);
        }
    }

    /// <summary><c>name{a="1", b="2"}</c> or <c>{a="1"}</c>.</summary>
    public static LabelSet Labels(string text)
    {
        var match = SeriesPattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new FormatException($"not a series: {text}");
        }

        var labels = new List<Label>();
        if (match.Groups["name"].Value.Length > 0)
        {
            labels.Add(new Label(LabelSet.MetricName, match.Groups["name"].Value));
        }

        foreach (Match pair in PairPattern().Matches(match.Groups["labels"].Value))
        {
            labels.Add(new Label(pair.Groups["key"].Value, Regex.Unescape(pair.Groups["value"].Value)));
        }

        return LabelSet.From(labels);
    }

    public static IEnumerable<double?> Expand(string values)
    {
        foreach (var token in values.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var repeat = RepeatPattern().Match(token);
            if (token == "_")
            {
                yield return null;
            }
            else if (token == "stale")
            {
                yield return StaleMarker.Value;
            }
            else if (token.StartsWith("_x", StringComparison.Ordinal))
            {
                for (var i = 0; i < int.Parse(token[2..], CultureInfo.InvariantCulture); i++)
                {
                    yield return null;
                }
            }
            else if (repeat.Success)
            {
                var start = Number(repeat.Groups["start"].Value);
                var delta = repeat.Groups["delta"].Success ? Number(repeat.Groups["delta"].Value) : 0;
                if (repeat.Groups["sign"].Value == "-")
                {
                    delta = -delta;
                }

                var times = int.Parse(repeat.Groups["times"].Value, CultureInfo.InvariantCulture);
                for (var i = 0; i <= times; i++)
                {
                    yield return start + (i * delta);
                }
            }
            else
            {
                yield return Number(token);
            }
        }
    }

    private static double Number(string text) => PromFloat.TryParse(text, out var value) ? value : throw new FormatException(text);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)?(\{(?<labels>.*)\})?$""")]
    private static partial Regex SeriesPattern();

    [GeneratedRegex("""(?<key>[a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"(?<value>(\\.|[^"\\])*)"\s*,?\s*""")]
    private static partial Regex PairPattern();

    [GeneratedRegex("""^(?<start>-?[0-9.]+(?:[eE][+-]?[0-9]+)?|-?Inf|NaN)((?<sign>[+-])(?<delta>[0-9.]+(?:[eE][+-]?[0-9]+)?))?x(?<times>[0-9]+)$""")]
    private static partial Regex RepeatPattern();
}
