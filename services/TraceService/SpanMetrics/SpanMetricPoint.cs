namespace AirisEpm.TraceService.SpanMetrics;

/// <summary>One sample of a span-metrics series, in metrics-service's JSON ingest shape (<c>type</c> counter).</summary>
public sealed record SpanMetricPoint(string Name, IReadOnlyDictionary<string, string> Labels, double Value, long TimestampMs);
