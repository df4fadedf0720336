using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage;

/// <summary>
/// The traces of a window for analyses over many traces (bottlenecks): the window's spans read in one
/// <see cref="ITraceStore.GetSpansAsync"/> call and grouped by trace, each trace as far as its spans started in the window.
/// With a service, the traces kept are those with a span of that service, but whole (every service's spans), because what a
/// service waits on is in its callees' spans. At most <paramref name="maxTraces"/> are kept: the lowest trace ids in ordinal
/// order, a uniform sample since trace ids are random, and the same sample on every call. Memory is the window's spans.
/// </summary>
public static class WindowTraces
{
    public static async Task<WindowSample> LoadAsync(
        ITraceStore store, long startNs, long endNs, string? service, int maxTraces, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTraces);
        var spans = await store.GetSpansAsync(startNs, endNs, null, cancellationToken);
        var traces = spans.GroupBy(s => s.TraceId, StringComparer.Ordinal)
            .Where(g => service is null || g.Any(s => string.Equals(s.Service, service, StringComparison.Ordinal)))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var kept = traces.Take(maxTraces).Select(g => (IReadOnlyList<Span>)g.ToList()).ToList();
        return new WindowSample(kept, traces.Count);
    }
}

/// <summary>The traces kept, and how many the window had (more than kept when the sample was capped).</summary>
public sealed record WindowSample(IReadOnlyList<IReadOnlyList<Span>> Traces, int TracesInWindow)
{
    public bool Sampled => Traces.Count < TracesInWindow;
}
