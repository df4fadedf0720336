using AirisEpm.MetricsService.Storage;
using AirisEpm.PromQl.Engine;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// The samples one evaluation may read from the store, all its selectors together: the engine's
/// <see cref="EngineOptions.MaxSamples"/>, per block of a range query (<see cref="RangeBlocks"/>). Exceeding it
/// is a <see cref="SampleLimitException"/>: a range query then splits its steps, and one step over it is
/// Prometheus's <c>execution</c> error (<see cref="ExceededMessage"/>). Thread-safe.
/// </summary>
public sealed class SampleBudget(long maxSamples)
{
    /// <summary>Prometheus's text for a query over <c>--query.max-samples</c>.</summary>
    public const string ExceededMessage = "query processing would load too many samples into memory in query execution";

    private long _used;

    public long MaxSamples { get; } = maxSamples > 0 ? maxSamples : throw new ArgumentOutOfRangeException(nameof(maxSamples));

    public long Used => Interlocked.Read(ref _used);

    /// <summary>What may still be taken (a read may load this many and no more).</summary>
    public long Remaining => Math.Max(0, MaxSamples - Used);

    /// <summary>Takes <paramref name="samples"/> from the budget or throws <see cref="SampleLimitException"/> without taking any.</summary>
    public void Take(long samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        while (true)
        {
            var used = Interlocked.Read(ref _used);
            if (samples > MaxSamples - used)
            {
                throw new SampleLimitException(MaxSamples);
            }

            if (Interlocked.CompareExchange(ref _used, used + samples, used) == used)
            {
                return;
            }
        }
    }
}
