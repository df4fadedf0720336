using System.Text;

namespace AirisEpm.LogService.Tests.Parsing;

/// <summary>
/// The LogHub 2k samples: raw lines and the <c>_structured.csv</c> ground truth, from the folder
/// <see cref="AirisEpm.TestSupport.LogHub.LogHubSamples"/> finds.
/// </summary>
internal static class LogHubData
{
    public static readonly string[] Datasets = ["Apache", "BGL", "HDFS", "Hadoop", "Linux", "OpenSSH", "Spark", "Zookeeper"];

    /// <summary>Where TestSupport finds the samples (tests/data/loghub in the repository, or the shared copy).</summary>
    public static string Root => AirisEpm.TestSupport.LogHub.LogHubSamples.Directory;

    public static string[] Lines(string dataset) => File.ReadAllLines(Path.Combine(Root, dataset, $"{dataset}_2k.log"), Encoding.UTF8);

    public static string Text(string dataset) => File.ReadAllText(Path.Combine(Root, dataset, $"{dataset}_2k.log"), Encoding.UTF8);

    /// <summary>The structured rows, each keyed by the CSV header's column names.</summary>
    public static List<Dictionary<string, string>> Structured(string dataset)
    {
        var rows = Csv.Parse(File.ReadAllText(Path.Combine(Root, dataset, $"{dataset}_2k.log_structured.csv"), Encoding.UTF8));
        var header = rows[0];
        return rows.Skip(1).Select(row => header.Zip(row).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
    }
}
