using System.Collections.Concurrent;
using AirisEpm.TraceService.Analysis.Dependencies;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.LiveGraph;
using Microsoft.Extensions.Logging.Abstractions;

namespace AirisEpm.TraceService.Tests.LiveGraph;

/// <summary>Two replicas pairing the same calls at the same moment through one compare-and-swap store: each call is counted once.</summary>
public sealed class SharedPairingTests
{
    [Fact]
    public async Task Halves_of_many_calls_posted_at_once_by_two_replicas_make_each_call_once()
    {
        var store = new CasStore();
        var first = new SharedPairing(store, NullLogger<SharedPairing>.Instance);
        var second = new SharedPairing(store, NullLogger<SharedPairing>.Instance);
        var traces = Enumerable.Range(0, 300).Select(i => i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // Replica one has every caller, replica two every callee; both hand them over at the same time.
        var callers = traces.Select(t => (CallHalf)new CallerHalf(t, "c1", "web", SpanKind.Client, false, 100, 80, "api-peer", TargetKind.Service)).ToList();
        var callees = traces.Select(t => (CallHalf)new CalleeHalf(t, "c1", "s1", "api", false, 60)).ToList();

        var made = await Task.WhenAll(Task.Run(() => first.PairAsync(callers, CancellationToken.None)), Task.Run(() => second.PairAsync(callees, CancellationToken.None)));

        var all = made.SelectMany(m => m).ToList();
        // Each trace: either the matched call (callee saved first) or the virtual one (caller first), never both.
        Assert.Equal(traces.Order(), all.Select(c => c.TraceId).Order());
        Assert.All(all, c => Assert.Equal("web", c.From));
        Assert.Equal(0, first.Failed + second.Failed);
    }

    /// <summary>An in-memory store with versions: a save succeeds only when the version is the one read.</summary>
    private sealed class CasStore : ISharedPairStore
    {
        private readonly ConcurrentDictionary<string, (SharedPair Pair, long Version)> _pairs = new();
        public async Task<IReadOnlyList<ServiceCall>> UpdateAsync(
            string key, Func<SharedPair?, (SharedPair? Next, IReadOnlyList<ServiceCall> Calls)> change, CancellationToken cancellationToken)
        {
            while (true)
            {
                var found = _pairs.TryGetValue(key, out var current);
                await Task.Yield(); // let the other replica interleave between the read and the save
                var (next, calls) = change(found ? current.Pair : null);
                if (next is null) return [];
                var saved = found
                    ? _pairs.TryUpdate(key, (next, current.Version + 1), current)
                    : _pairs.TryAdd(key, (next, 1));
                if (saved) return calls;
            }
        }
    }
}
