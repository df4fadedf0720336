using System.ComponentModel.DataAnnotations;

namespace AirisEpm.MetricsService.Query;

/// <summary>Limits that keep one query from exhausting the service (section <c>Metrics:Query</c>).</summary>
public sealed class QueryOptions
{
    public const string Section = "Metrics:Query";

    /// <summary>Points per series: 11,000 as Prometheus allows, a week at one-minute resolution.</summary>
    [Range(1, 1_000_000)]
    public int MaxPointsPerSeries { get; set; } = 11_000;

    /// <summary>Series one query may select before it is refused; beyond this a selector is too broad to chart.</summary>
    [Range(1, 1_000_000)]
    public int MaxSeries { get; set; } = 20_000;
}
