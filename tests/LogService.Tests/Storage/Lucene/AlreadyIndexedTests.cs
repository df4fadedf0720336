using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Lucene;
using Lucene.Net.Documents;

namespace AirisEpm.LogService.Tests.Storage.Lucene;

/// <summary>A retried apply skips what the failed attempt left in the writer, uncommitted and not yet searchable.</summary>
public sealed class AlreadyIndexedTests : IDisposable
{
    private const long Width = 86_400_000_000_000;
    private static readonly long Start = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000 / Width) * Width;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-indexed-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Records_in_the_writer_or_added_before_are_skipped_and_the_rest_added_once()
    {
        using var partition = LogPartition.Create(_folder, Start, Width);
        var first = Record(RecordIds.New(Start + 10), Start + 10);
        var named = Record("named", Start + 20);
        partition.Add(Build(first));
        partition.Add(Build(named));

        var fresh = Record(RecordIds.New(Start + 10), Start + 10); // same instant as the first, another id
        var sameIdOtherTime = named with { TimestampNs = Start + 21 };
        bool[] added;
        using (var indexed = new AlreadyIndexed())
        {
            added = [.. new[] { first, named, fresh, fresh, sameIdOtherTime }.Select(r => indexed.Add(partition, r, () => Build(r)))];
        }

        Assert.Equal([false, false, true, false, true], added);
        Assert.Equal(4, partition.Count());
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static LogRecord Record(string id, long timestampNs) =>
        new(id, timestampNs, Severity.Info, "retried", "api", null, null, new Dictionary<string, string>(), new Dictionary<string, string>());

    private static Document Build(LogRecord record) => LogDocumentBuilder.ForThread.Build(record, LogRecordJson.Serialize(record));
}
