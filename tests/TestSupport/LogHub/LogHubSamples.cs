namespace AirisEpm.TestSupport.LogHub;

/// <summary>
/// The LogHub 2k samples (Zhu et al., ISSRE 2023), read where they lie: <c>shared/data/loghub</c> beside
/// the repository checkout (found by walking up from the test binaries), or the folder named by
/// <c>AIRIS_LOGHUB_DIR</c>. Nothing is copied into the repository.
/// </summary>
public static class LogHubSamples
{
    public const string DirectoryVariable = "AIRIS_LOGHUB_DIR";

    /// <summary>The eight samples present, in the order of the Drain paper's tables.</summary>
    public static IReadOnlyList<string> Datasets { get; } = ["HDFS", "Hadoop", "Spark", "Zookeeper", "BGL", "Apache", "OpenSSH", "Linux"];

    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Root.Value;

    /// <summary>The lines of <c>&lt;dataset&gt;/&lt;dataset&gt;_2k.log_structured.csv</c>.</summary>
    public static IReadOnlyList<LogHubLine> Load(string dataset)
    {
        var path = Path.Combine(Directory, dataset, $"{dataset}_2k.log_structured.csv");
        using var reader = new StreamReader(path);
        using var records = CsvRecords.Parse(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new InvalidDataException($"{path} is empty");
        }

        var header = records.Current;
        var content = Column(header, "Content", path);
        var eventId = Column(header, "EventId", path);
        var template = Column(header, "EventTemplate", path);
        var lines = new List<LogHubLine>();
        while (records.MoveNext())
        {
            var row = records.Current;
            if (row.Length != header.Length)
            {
                throw new InvalidDataException($"{path}: record {lines.Count + 1} has {row.Length} fields, the header {header.Length}");
            }

            lines.Add(new LogHubLine(row[content], row[eventId], row[template]));
        }

        return lines;
    }

    private static int Column(string[] header, string name, string path) =>
        Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"{path} has no {name} column");

    private static string Locate() => Locate(Environment.GetEnvironmentVariable(DirectoryVariable), AppContext.BaseDirectory);

    /// <summary>
    /// The samples folder: <paramref name="configured"/> when set, else the first
    /// <c>shared/data/loghub</c> in <paramref name="start"/> or a folder above it.
    /// </summary>
    public static string Locate(string? configured, string start)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return System.IO.Directory.Exists(configured)
                ? configured
                : throw new DirectoryNotFoundException($"{DirectoryVariable} names {configured}, which does not exist");
        }

        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            // In the repository (tests/data/loghub, with its licence), or the shared copy beside the checkout.
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "tests", "data", "loghub"), Path.Combine(dir.FullName, "shared", "data", "loghub") })
            {
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"LogHub samples not found: no tests/data/loghub or shared/data/loghub in {start} or any folder above it. " +
            $"They sit beside the checkout (/work/shared/data/loghub next to /work/<checkout>); elsewhere set {DirectoryVariable} " +
            "to the folder holding HDFS/, Hadoop/, Spark/, ... with their <Name>_2k.log_structured.csv files.");
    }
}
