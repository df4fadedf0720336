using AirisEpm.PromQl.Model;

namespace AirisEpm.MetricsService.Prometheus.SideData;

/// <summary>
/// An exemplar of a series (by the store's series id): its own labels (<c>trace_id</c>, <c>span_id</c>, ...), value and
/// time, as remote_write's <c>Exemplar { repeated Label labels = 1; double value = 2; int64 timestamp = 3; }</c> carries it.
/// </summary>
public sealed record StoredExemplar(long SeriesId, IReadOnlyList<Label> Labels, double Value, long TimestampMs);
