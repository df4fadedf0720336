using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Storage;

/// <summary>A series as the store knows it: its id, metric name and labels.</summary>
public sealed record StoredSeries(long Id, string Name, LabelSet Labels);
