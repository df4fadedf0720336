using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Scraping;

/// <summary>One sample line of an exposition, with the type its family declared.</summary>
public sealed record ScrapedSample(string Name, IReadOnlyList<Label> Labels, double Value, long? TimestampMs, MetricType Type);
