using AirisEpm.LogService.Patterns;
using AirisEpm.TestSupport.LogHub;

namespace AirisEpm.LogService.Tests.Patterns;

public sealed class PatternMinerConcurrencyTests
{
    [Fact]
    public async Task Concurrent_ingest_counts_every_line_once_and_every_id_resolves()
    {
        var lines = LogHubSamples.Datasets.SelectMany(d => LogHubSamples.Load(d)).Select(l => l.Content).ToArray();
        var miner = new PatternMiner();
        const int Writers = 4;
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            var snapshots = 0;
            while (!stop.IsCancellationRequested)
            {
                // A pattern may generalise between the snapshot and the lookup, so its id may move on.
                Assert.All(miner.Patterns, p => Assert.Matches("^[0-9a-f]{16}$", miner.Resolve(p.Id)));
                snapshots++;
            }

            return snapshots;
        }, TestContext.Current.CancellationToken);

        var assigned = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
        {
            var order = lines.OrderBy(l => HashCode.Combine(w, l)).ToArray();
            return w % 2 == 0
                ? order.Select(l => miner.Mine(l).Id).ToArray()
                : order.Chunk(100).SelectMany(c => miner.MineBatch(c)).Select(m => m.Id).ToArray();
        }, TestContext.Current.CancellationToken)));
        await stop.CancelAsync();
        Assert.True(await reader > 0);

        var patterns = miner.Patterns;
        Assert.Equal((long)lines.Length * Writers, patterns.Sum(p => p.Count));
        var current = patterns.Select(p => p.Id).ToHashSet();
        Assert.All(assigned.SelectMany(ids => ids), id => Assert.Contains(miner.Resolve(id), current));
    }
}
