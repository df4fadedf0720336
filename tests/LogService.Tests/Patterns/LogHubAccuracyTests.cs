using AirisEpm.LogService.Patterns;
using AirisEpm.TestSupport.LogHub;

namespace AirisEpm.LogService.Tests.Patterns;

/// <summary>
/// Grouping accuracy of <see cref="PatternMinerOptions.Default"/> on the LogHub 2k samples, one
/// configuration for all, each line mined once in file order and grouped by its pattern id as resolved at
/// the end. The floors sit just below what the miner reaches, so accuracy cannot slip unnoticed; the
/// Drain paper's figures (tuned per dataset) are printed beside them.
/// </summary>
public sealed class LogHubAccuracyTests
{
    public static TheoryData<string, decimal, decimal> Datasets => new()
    {
        // dataset, floor, Drain (ICWS 2017, per-dataset regexes and thresholds)
        { "HDFS", 0.999m, 0.998m },
        { "Hadoop", 0.990m, 0.948m },
        { "Spark", 0.920m, 0.920m },
        { "Zookeeper", 0.985m, 0.967m },
        { "BGL", 0.990m, 0.963m },
        { "Apache", 0.999m, 1.000m },
        { "OpenSSH", 0.990m, 0.788m },
        { "Linux", 0.800m, 0.690m },
    };

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Grouping_accuracy_stays_above_its_floor(string dataset, decimal floor, decimal drain)
    {
        var accuracy = Measure(dataset);
        TestContext.Current.TestOutputHelper?.WriteLine($"{dataset}: GA {accuracy:F4} (floor {floor:F3}, Drain {drain:F3})");
        Assert.True(accuracy >= (double)floor, $"{dataset}: grouping accuracy {accuracy:F4} fell below {floor:F3}");
    }

    [Fact]
    public void Mean_grouping_accuracy_stays_above_096()
    {
        var accuracies = LogHubSamples.Datasets.ToDictionary(d => d, Measure);
        var mean = accuracies.Values.Average();
        var table = string.Join(", ", accuracies.Select(p => $"{p.Key} {p.Value:F4}"));
        TestContext.Current.TestOutputHelper?.WriteLine($"{table}; mean {mean:F4}");
        Assert.True(mean >= 0.96, $"mean grouping accuracy {mean:F4} < 0.96 ({table})");
    }

    internal static double Measure(string dataset)
    {
        var lines = LogHubSamples.Load(dataset);
        var miner = new PatternMiner();
        var assigned = lines.Select(l => miner.Mine(l.Content).Id).ToArray();
        var predicted = assigned.Select(miner.Resolve).ToArray();
        return GroupingAccuracy.Of(predicted, lines.Select(l => l.EventId).ToArray());
    }
}
