using System.Globalization;

namespace AirisEpm.PromQl.Engine;

/// <summary>How the engine evaluates and what it refuses. Every default is Prometheus's own.</summary>
public sealed class EngineOptions
{
    /// <summary>
    /// How far back an instant selector looks for the latest sample: Prometheus's <c>--query.lookback-delta</c>
    /// default. Five minutes tolerates a missed scrape or two at the usual 15 s to 1 min intervals.
    /// </summary>
    public TimeSpan LookbackDelta { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Samples a query may hold in memory at once, counted as Prometheus counts them (results not yet consumed, the
    /// points gathered for the step being evaluated, one series' range-vector window; not the raw samples read):
    /// Prometheus's <c>--query.max-samples</c> default, about 800 MB of points.
    /// </summary>
    public long MaxSamples { get; set; } = 50_000_000;

    /// <summary>Wall time a query may take: Prometheus's <c>--query.timeout</c> default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Points per series a range query may ask for: Prometheus's API limit (a 1-minute step for a week, an
    /// hour for a year).
    /// </summary>
    public int MaxPointsPerSeries { get; set; } = 11_000;

    /// <summary>
    /// The step of a subquery written without one (<c>x[1h:]</c>), in instant and range queries alike: Prometheus's
    /// global <c>evaluation_interval</c> default. Not the range query's step, so a dashboard's answer does not change
    /// with its resolution.
    /// </summary>
    public TimeSpan DefaultSubqueryStep { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>What is wrong with these options, one sentence each; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (LookbackDelta < TimeSpan.FromMilliseconds(1))
        {
            problems.Add("LookbackDelta must be at least 1 ms.");
        }

        if (MaxSamples <= 0)
        {
            problems.Add("MaxSamples must be positive.");
        }

        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add("Timeout must be positive.");
        }

        if (MaxPointsPerSeries <= 0)
        {
            problems.Add("MaxPointsPerSeries must be positive.");
        }

        if (DefaultSubqueryStep < TimeSpan.FromMilliseconds(1))
        {
            problems.Add("DefaultSubqueryStep must be at least 1 ms.");
        }

        return problems;
    }

    internal string MaxPointsText => MaxPointsPerSeries.ToString("N0", CultureInfo.InvariantCulture);
}
