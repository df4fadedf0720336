namespace AirisEpm.PromQl.Engine;

/// <summary>A query's answer: its value, warnings (as Prometheus's <c>warnings</c>), and what it cost.</summary>
public sealed record QueryResult(QueryValue Value, IReadOnlyList<string> Warnings, QueryStats Stats)
{
    /// <summary>Prometheus's <c>infos</c>: notes that do not question the answer (a rate of a metric not named like a counter, ...).</summary>
    public IReadOnlyList<string> Infos { get; init; } = [];
}

/// <summary>Raw samples loaded from the source, series returned, and the wall time spent.</summary>
public sealed record QueryStats(long SamplesLoaded, int SeriesReturned, TimeSpan Elapsed)
{
    /// <summary>The most samples held at once (Prometheus's <c>peakSamples</c>), what <see cref="EngineOptions.MaxSamples"/> limits.</summary>
    public long PeakSamples { get; init; }
}
