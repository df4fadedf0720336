using System.Collections.Concurrent;

namespace AirisEpm.AlertService.EngineHosting;

/// <summary>
/// A list computed once and then served a page at a time: the pages of one listing (same id) come
/// from the same computed list, so paging costs one computation, not one per page, and the pages
/// agree with each other. Listings are dropped after <see cref="Lifetime"/>.
/// </summary>
public sealed class ListingCache(TimeProvider time)
{
    /// <summary>30 s: far longer than reading every page of a listing takes.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, object List)> _listings = new(StringComparer.Ordinal);

    public IReadOnlyList<T> GetOrCompute<T>(string? listing, Func<IReadOnlyList<T>> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (listing is null) return compute();
        var now = time.GetUtcNow();
        foreach (var (id, entry) in _listings)
        {
            if (entry.Until <= now) _listings.TryRemove(id, out _);
        }

        return (IReadOnlyList<T>)_listings.GetOrAdd(listing, _ => (now + Lifetime, compute())).List;
    }
}
