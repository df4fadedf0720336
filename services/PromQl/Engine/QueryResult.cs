namespace AirisEpm.PromQl.Engine;

/// <summary>A query's answer: its value, warnings (as Prometheus's <c>warnings</c>), and what it cost.</summary>
public sealed record QueryResult(QueryValue Value, IReadOnlyList<string> Warnings, QueryStats Stats);

/// <summary>Samples loaded from the source, series returned, and the wall time spent.</summary>
public sealed record QueryStats(long SamplesLoaded, int SeriesReturned, TimeSpan Elapsed)
{
    /// <summary>The most samples held at once (Prometheus's <c>peakSamples</c>), raw samples loaded included.</summary>
    public long PeakSamples { get; init; }
}
