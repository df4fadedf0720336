using AirisEpm.TestSupport.LogHub;

namespace AirisEpm.LogPatterns.Benchmarks;

/// <summary>The messages of the eight LogHub 2k samples, dataset after dataset: 16,000 real lines.</summary>
public static class LogHubCorpus
{
    private static readonly Lazy<string[]> AllLines = new(() =>
        LogHubSamples.Datasets.SelectMany(d => LogHubSamples.Load(d)).Select(l => l.Content).ToArray());

    public static string[] Lines => AllLines.Value;
}
