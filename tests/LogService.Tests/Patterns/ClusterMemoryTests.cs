using AirisEpm.LogService.Patterns;
using AirisEpm.TestSupport.LogHub;

namespace AirisEpm.LogService.Tests.Patterns;

[CollectionDefinition(nameof(ClusterMemoryTests), DisableParallelization = true)]
public sealed class ClusterMemoryCollection;

/// <summary>
/// Bytes a cluster keeps alive (template, token offsets, id, sample, former ids, its share of the tree and
/// the indexes), measured as the growth of the live heap after full collections while the miner is held.
/// Run alone, so no other test's allocations count. Times <see cref="PatternMinerOptions.MaxClusters"/>,
/// this is the miner's memory bound.
/// </summary>
[Collection(nameof(ClusterMemoryTests))]
public sealed class ClusterMemoryTests
{
    [Fact]
    public void A_cluster_of_real_lines_costs_about_a_kilobyte()
    {
        var lines = LogHubSamples.Datasets.SelectMany(d => LogHubSamples.Load(d)).Select(l => l.Content).ToArray();
        var (bytes, clusters) = Retained(new PatternMinerOptions(), lines);
        var perCluster = bytes / clusters;
        Report($"LogHub lines: {clusters} clusters, {bytes:N0} B retained, {perCluster:N0} B per cluster");
        Assert.InRange(perCluster, 300, 2_000);
    }

    [Fact]
    public void A_cluster_of_the_longest_lines_allowed_stays_within_its_bound()
    {
        var options = new PatternMinerOptions { MaxClusters = 300 };
        var lines = Enumerable.Range(0, 1_000).Select(i => string.Join(' ', Enumerable.Range(0, 300).Select(t => $"w{Letters(i)}x{Letters(t)}zzzzzzzzzzzzzzzzzzzzz"))).ToArray();
        var (bytes, clusters) = Retained(options, lines);
        var perCluster = bytes / clusters;
        Report($"longest lines ({options.MaxLineLength} chars, {options.MaxTokens} tokens): {clusters} clusters, {perCluster:N0} B per cluster");
        Assert.Equal(options.MaxClusters, clusters);
        Assert.InRange(perCluster, 2_500, 7_000);
    }

    /// <summary>
    /// The median of three readings: the live heap is process-wide, and a host another test class is still tearing
    /// down frees its memory between the two samples of one reading (a negative growth). Such readings are
    /// discarded, up to seven tries.
    /// </summary>
    private static (long Bytes, long Clusters) Retained(PatternMinerOptions options, string[] lines)
    {
        var readings = new List<(long Bytes, long Clusters)>();
        for (var attempt = 0; attempt < 7 && readings.Count < 3; attempt++)
        {
            var reading = RetainedOnce(options, lines);
            if (reading.Bytes > 0) readings.Add(reading);
        }

        Assert.True(readings.Count > 0, "every reading of the live heap shrank while the miner was held");
        return readings.OrderBy(r => r.Bytes).ElementAt(readings.Count / 2);
    }

    private static (long Bytes, long Clusters) RetainedOnce(PatternMinerOptions options, string[] lines)
    {
        // Warm the per-thread buffers and the JIT first, so that only the clusters are counted.
        new PatternMiner(options).Mine(string.Join(' ', Enumerable.Repeat("warm", options.MaxTokens)));
        var before = LiveBytes();
        var miner = new PatternMiner(options);
        foreach (var line in lines)
        {
            // A fresh string per line, as ingest hands over: a sample kept is counted, a line let go is not.
            miner.Mine(new string(line));
        }

        var after = LiveBytes();
        var clusters = miner.Count;
        GC.KeepAlive(miner);
        return (after - before, clusters);
    }

    private static long LiveBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Letters(int n) => $"{(char)('a' + (n % 26))}{(char)('a' + (n / 26 % 26))}{(char)('a' + (n / 676 % 26))}";

    private static void Report(string text) => TestContext.Current.TestOutputHelper?.WriteLine(text);
}
