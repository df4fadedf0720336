using System.Globalization;
using System.Text;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// One metrics-service <c>query_range</c> call. <see cref="GroupBy"/> is always sent present and
/// empty, so every matching series is aggregated into one result (the rule has one alert).
/// </summary>
public sealed record MetricQuery(string Name, string? Selector, string Agg, string? Fn, long StartMs, long EndMs, long StepMs, bool RawTier)
{
    public string PathAndQuery
    {
        get
        {
            var q = new StringBuilder("/api/v1/metrics/query_range?name=").Append(Uri.EscapeDataString(Name));
            if (Selector is not null) q.Append("&match[]=").Append(Uri.EscapeDataString(Selector));
            q.Append("&start=").Append(Seconds(StartMs)).Append("&end=").Append(Seconds(EndMs)).Append("&step=").Append(Seconds(StepMs));
            q.Append("&agg=").Append(Agg).Append("&group_by=");
            if (Fn is not null) q.Append("&fn=").Append(Fn);
            if (RawTier) q.Append("&tier=raw");
            return q.ToString();
        }
    }

    private static string Seconds(long ms) => (ms / 1000m).ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>The series a query answered, each reduced to its points' values in time order.</summary>
public sealed record MetricQueryResult(IReadOnlyList<IReadOnlyList<double>> Series)
{
    public static MetricQueryResult Empty { get; } = new([]);

    /// <summary>The newest value of the first series that has one.</summary>
    public double? Latest => Series.FirstOrDefault(s => s.Count > 0) is { } points ? points[^1] : null;
}

/// <summary>metrics-service could not answer (down, timed out, non-2xx, unreadable body).</summary>
public sealed class MetricQueryException(string message, Exception? inner = null) : Exception(message, inner);
