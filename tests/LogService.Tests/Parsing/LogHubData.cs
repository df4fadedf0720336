using System.Text;

namespace AirisEpm.LogService.Tests.Parsing;

/// <summary>
/// The LogHub 2k samples (shared/data/loghub, next to the repository): raw lines and the
/// <c>_structured.csv</c> ground truth. Found by walking up from the test binaries, so it works
/// from any worktree or CI checkout beside the shared folder.
/// </summary>
internal static class LogHubData
{
    public static readonly string[] Datasets = ["Apache", "BGL", "HDFS", "Hadoop", "Linux", "OpenSSH", "Spark", "Zookeeper"];

    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string[] Lines(string dataset) => File.ReadAllLines(Path.Combine(Root, dataset, $"{dataset}_2k.log"), Encoding.UTF8);

    public static string Text(string dataset) => File.ReadAllText(Path.Combine(Root, dataset, $"{dataset}_2k.log"), Encoding.UTF8);

    /// <summary>The structured rows, each keyed by the CSV header's column names.</summary>
    public static List<Dictionary<string, string>> Structured(string dataset)
    {
        var rows = Csv.Parse(File.ReadAllText(Path.Combine(Root, dataset, $"{dataset}_2k.log_structured.csv"), Encoding.UTF8));
        var header = rows[0];
        return rows.Skip(1).Select(row => header.Zip(row).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "loghub");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"The LogHub samples were not found: no shared/data/loghub folder in {AppContext.BaseDirectory} or any folder above it. "
            + "They live beside the repository (e.g. /work/shared/data/loghub next to /work/<worktree>).");
    }
}
