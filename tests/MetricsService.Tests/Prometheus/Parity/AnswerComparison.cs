using System.Globalization;

namespace AirisEpm.MetricsService.Tests.Prometheus.Parity;

/// <summary>
/// Whether two answers are the same: the same status (and error type for a failure), result type, series (label sets;
/// in order when the query orders them, as a set otherwise, since Prometheus orders an instant vector by nothing), and
/// per series the same timestamps and values equal within <see cref="RelativeTolerance"/> (NaN equals NaN, an infinity
/// only the same infinity). Warnings and error texts are not compared: Prometheus 3 words them differently.
/// </summary>
public static class AnswerComparison
{
    public const double RelativeTolerance = 1e-9;

    /// <summary>Null when equal, otherwise the first difference in words.</summary>
    public static string? Difference(PromAnswer expected, PromAnswer actual, bool ordered)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.Status != actual.Status || expected.ErrorType != actual.ErrorType)
        {
            return $"status {expected.Status}/{expected.ErrorType} ({expected.Error}) vs {actual.Status}/{actual.ErrorType} ({actual.Error})";
        }

        if (expected.ResultType != actual.ResultType)
        {
            return $"resultType {expected.ResultType} vs {actual.ResultType}";
        }

        var left = ordered ? expected.Series : [.. expected.Series.OrderBy(s => s.Labels, StringComparer.Ordinal)];
        var right = ordered ? actual.Series : [.. actual.Series.OrderBy(s => s.Labels, StringComparer.Ordinal)];
        if (!left.Select(s => s.Labels).SequenceEqual(right.Select(s => s.Labels)))
        {
            var missing = left.Select(s => s.Labels).Except(right.Select(s => s.Labels)).ToList();
            var extra = right.Select(s => s.Labels).Except(left.Select(s => s.Labels)).ToList();
            return missing.Count + extra.Count == 0
                ? $"series order {string.Join(" ", left.Select(s => s.Labels))} vs {string.Join(" ", right.Select(s => s.Labels))}"
                : $"series missing {string.Join(" ", missing)}; extra {string.Join(" ", extra)}";
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (SeriesDifference(left[i], right[i]) is { } difference)
            {
                return $"{left[i].Labels}: {difference}";
            }
        }

        return null;
    }

    public static bool ValuesEqual(string expected, string actual)
    {
        if (expected == actual)
        {
            return true;
        }

        if (!TryParse(expected, out var a) || !TryParse(actual, out var b))
        {
            return false;
        }

        if (double.IsNaN(a) || double.IsNaN(b) || double.IsInfinity(a) || double.IsInfinity(b))
        {
            return a.Equals(b);
        }

        return Math.Abs(a - b) <= RelativeTolerance * Math.Max(Math.Abs(a), Math.Abs(b));
    }

    private static string? SeriesDifference(AnswerSeries expected, AnswerSeries actual)
    {
        var times = expected.Samples.Select(s => s.TimeMs).ToList();
        if (!times.SequenceEqual(actual.Samples.Select(s => s.TimeMs)))
        {
            var missing = times.Except(actual.Samples.Select(s => s.TimeMs)).Take(5);
            var extra = actual.Samples.Select(s => s.TimeMs).Except(times).Take(5);
            return $"{expected.Samples.Count} vs {actual.Samples.Count} samples; missing at {string.Join(",", missing)}; extra at {string.Join(",", extra)}";
        }

        for (var i = 0; i < times.Count; i++)
        {
            if (!ValuesEqual(expected.Samples[i].Value, actual.Samples[i].Value))
            {
                return $"at {times[i]}: {expected.Samples[i].Value} vs {actual.Samples[i].Value}";
            }
        }

        return null;
    }

    /// <summary>A value as Prometheus writes it: Go's float text, <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>.</summary>
    private static bool TryParse(string text, out double value)
    {
        switch (text)
        {
            case "NaN":
                value = double.NaN;
                return true;
            case "+Inf" or "Inf":
                value = double.PositiveInfinity;
                return true;
            case "-Inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
