using System.Globalization;
using AirisEpm.MetricsService.Query;
using AirisEpm.MetricsService.Storage;

namespace AirisEpm.MetricsService.Sla;

/// <summary>
/// Reads what an SLA report needs from the store: per-minute request and 5xx counts from the
/// request-duration histogram's <c>_count</c> series, and its <c>_bucket</c> increases over the range.
/// Both the OpenTelemetry names (<c>http.server.request.duration</c> as converted on ingest) and the
/// Prometheus-style <c>http_server_request_duration_seconds</c> land on the same series names. A service's series are those
/// with its <c>service</c> label, or with its name as <c>job</c> (OTLP's <c>service.name</c>, alone or after a namespace).
/// </summary>
public sealed class SlaDataSource(IMetricStore store)
{
    public const string HistogramName = "http_server_request_duration_seconds";
    private const long MinuteMs = 60_000;
    private static readonly string[] StatusLabels = ["http_response_status_code", "http_status_code", "code", "status"];

    public async Task<SlaInputs> ReadAsync(string service, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var startMs = start.ToUnixTimeMilliseconds();
        var endMs = end.ToUnixTimeMilliseconds();
        var minutes = Math.Max(1, (endMs - startMs + MinuteMs - 1) / MinuteMs);
        var counts = await IncreasesAsync(HistogramName + "_count", service, startMs, minutes, cancellationToken);
        var requests = new double[minutes];
        var errors = new double[minutes];
        foreach (var (series, perMinute) in counts)
        {
            var failed = IsServerError(series);
            for (var m = 0; m < minutes; m++)
            {
                if (!double.IsNaN(perMinute[m]))
                {
                    requests[m] += perMinute[m];
                    errors[m] += failed ? perMinute[m] : 0;
                }
            }
        }

        var buckets = new Dictionary<double, double>();
        foreach (var (series, perMinute) in await IncreasesAsync(HistogramName + "_bucket", service, startMs, minutes, cancellationToken))
        {
            if (ParseUpperBound(series.Labels["le"]) is { } le)
            {
                buckets[le] = buckets.GetValueOrDefault(le) + perMinute.Where(v => !double.IsNaN(v)).Sum();
            }
        }

        var traffic = Enumerable.Range(0, (int)minutes)
            .Select(m => new MinuteTraffic(startMs + (m * MinuteMs), requests[m], errors[m]))
            .ToList();
        return new SlaInputs(service, start, end, traffic, buckets);
    }

    private async Task<List<(StoredSeries Series, double[] PerMinute)>> IncreasesAsync(
        string name, string service, long startMs, long minutes, CancellationToken cancellationToken)
    {
        var series = (await store.FindSeriesAsync(SeriesSelector.ForName(name), cancellationToken)).Where(s => IsOf(s, service)).ToList();
        if (series.Count == 0)
        {
            return [];
        }

        // One minute of look-back, so the first minute's increase has a sample to start from.
        var points = await store.PointsAsync(StorageTier.Raw, series.Select(s => s.Id).ToList(),
            startMs - MinuteMs, startMs + (minutes * MinuteMs), cancellationToken);
        var byId = series.ToDictionary(s => s.Id);
        return points
            .Where(p => byId.ContainsKey(p.SeriesId))
            .Select(p => (byId[p.SeriesId], CounterMath.IncreasePerBucket(p.Timestamps, p.Values, startMs, MinuteMs, minutes)))
            .ToList();
    }

    /// <summary>Prometheus writes the last bucket's bound as "+Inf", which .NET does not parse.</summary>
    private static double? ParseUpperBound(string? le) => le switch
    {
        null => null,
        "+Inf" or "Inf" => double.PositiveInfinity,
        _ => double.TryParse(le, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null,
    };

    private static bool IsOf(StoredSeries series, string service) =>
        series.Labels["service"] == service
        || (series.Labels["job"] is { } job && (job == service || job.EndsWith("/" + service, StringComparison.Ordinal)));

    private static bool IsServerError(StoredSeries series)
    {
        foreach (var label in StatusLabels)
        {
            if (series.Labels[label] is { Length: > 0 } status)
            {
                return status.StartsWith('5');
            }
        }

        return false;
    }
}
