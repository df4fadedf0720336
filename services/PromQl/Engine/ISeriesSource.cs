using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine;

/// <summary>
/// Where the engine reads samples: metrics-service's store, or the test runner's in-memory series.
/// </summary>
public interface ISeriesSource
{
    /// <summary>
    /// Every series whose labels (name included as <c>__name__</c>) satisfy all <paramref name="matchers"/>,
    /// with its raw samples in the closed window [<see cref="SelectHints.StartMs"/>, <see cref="SelectHints.EndMs"/>],
    /// in time order, stale markers (<see cref="StaleMarker"/>) included. Series with no sample in the
    /// window may be left out.
    /// </summary>
    Task<IReadOnlyList<Series>> SelectAsync(IReadOnlyList<Matcher> matchers, SelectHints hints, CancellationToken cancellationToken);
}

/// <summary>
/// What the engine will do with the samples, so a store can answer from a coarser tier where that stays
/// exact. <see cref="Function"/> is the enclosing function (<c>rate</c>, <c>max_over_time</c>, ...) or null;
/// <see cref="RangeMs"/> its range; <see cref="StepMs"/> the query step (0 for an instant query).
/// </summary>
public sealed record SelectHints(long StartMs, long EndMs, long StepMs = 0, string? Function = null, long RangeMs = 0);
