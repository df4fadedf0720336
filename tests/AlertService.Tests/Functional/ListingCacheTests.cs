using AirisEpm.AlertService.EngineHosting;
using Microsoft.Extensions.Time.Testing;

namespace AirisEpm.AlertService.Tests.Functional;

public sealed class ListingCacheTests
{
    [Fact]
    public void Pages_of_one_listing_share_one_computation_until_it_expires()
    {
        var clock = new FakeTimeProvider();
        var cache = new ListingCache(clock);
        var computed = 0;
        IReadOnlyList<int> Compute() => [++computed];

        var first = cache.GetOrCompute("a", Compute);
        var again = cache.GetOrCompute("a", Compute);
        var other = cache.GetOrCompute("b", Compute);
        var unnamed = cache.GetOrCompute(null, Compute);
        clock.Advance(ListingCache.Lifetime);
        cache.GetOrCompute("c", Compute); // sweeps the expired listings
        var expired = cache.GetOrCompute("a", Compute);

        Assert.Equal([1], first);
        Assert.Same(first, again);
        Assert.Equal([2], other);
        Assert.Equal([3], unnamed);
        Assert.Equal([5], expired);
    }
}
