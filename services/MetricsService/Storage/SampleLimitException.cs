namespace AirisEpm.MetricsService.Storage;

/// <summary>A point read stopped because it met more samples than the caller allowed (<see cref="IMetricStore.PointsAsync(StorageTier, IReadOnlyCollection{long}, long, long, long, CancellationToken)"/>).</summary>
public sealed class SampleLimitException : Exception
{
    public SampleLimitException()
        : this(0)
    {
    }

    public SampleLimitException(string message)
        : base(message)
    {
    }

    public SampleLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SampleLimitException(long limit)
        : base($"The read met more than {limit} samples.")
    {
        Limit = limit;
    }

    /// <summary>The number of samples the read was allowed.</summary>
    public long Limit { get; }
}
