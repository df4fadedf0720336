namespace AirisEpm.MetricsService.Storage;

/// <summary>
/// The samples of one series in time order. On a rollup tier each bucket contributes its last
/// sample (time and value), which is what counter functions need.
/// </summary>
public sealed record SeriesPoints(long SeriesId, long[] Timestamps, double[] Values);
