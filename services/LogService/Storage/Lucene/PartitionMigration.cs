using System.Diagnostics;
using AirisEpm.ServiceDefaults.WriteAhead;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Directory = System.IO.Directory;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// Brings every partition of the data folder to the current layout (<see cref="PartitionLayout"/>) before the store
/// opens them. An older partition is re-indexed from its stored sources (each document keeps its whole record as
/// JSON) into <c>&lt;name&gt;.reindex</c>, which then takes the old folder's place. Every step leaves a state that the
/// next start finishes or undoes, so a crash at any point loses nothing:
/// <code>
///   name + name.reindex          the re-index was cut short: delete name.reindex, re-index again
///   name.retired + name.reindex  the new index is committed (before the swap began): move it in, delete name.retired
///   name.retired + name          the swap is done: delete name.retired
/// </code>
/// It costs one indexing of each record of the old partitions (about the CPU of ingesting it again), once.
/// </summary>
internal static partial class PartitionMigration
{
    private const string ReindexSuffix = ".reindex";
    private const string RetiredSuffix = ".retired";
    private static readonly HashSet<string> SourceOnly = [LogDocuments.Source];

    public static void Run(string dataPath, ILogger logger)
    {
        foreach (var retired in Directory.GetDirectories(dataPath, "*" + RetiredSuffix))
        {
            FinishSwap(dataPath, retired[..^RetiredSuffix.Length]);
        }

        foreach (var folder in Directory.GetDirectories(dataPath))
        {
            var name = Path.GetFileName(folder);
            if (!LogPartition.IsPartitionName(name))
            {
                continue;
            }

            if (Directory.Exists(folder + ReindexSuffix))
            {
                Directory.Delete(folder + ReindexSuffix, recursive: true);
            }

            string? layout;
            using (var directory = FSDirectory.Open(folder))
            {
                layout = PartitionLayout.Of(directory);
            }

            if (layout is null or PartitionLayout.Current)
            {
                continue;
            }

            if (layout != PartitionLayout.Unmarked)
            {
                throw new InvalidOperationException(
                    $"The log partition {folder} has index layout {layout}, which this version (layout {PartitionLayout.Current}) cannot read; run the version that wrote it.");
            }

            var watch = Stopwatch.StartNew();
            var records = Reindex(folder, folder + ReindexSuffix);
            DirectorySync.Flush(folder + ReindexSuffix); // Lucene fsyncs the files it commits, not the folder's names
            Directory.Move(folder, folder + RetiredSuffix);
            DirectorySync.Flush(dataPath);
            FinishSwap(dataPath, folder);
            LogReindexed(logger, name, records, layout, PartitionLayout.Current, watch.Elapsed);
        }
    }

    /// <summary>Indexes the live documents of the index in <paramref name="from"/> anew into <paramref name="to"/>, from their sources; returns how many.</summary>
    private static long Reindex(string from, string to)
    {
        using var source = FSDirectory.Open(from);
        using var reader = DirectoryReader.Open(source);
        using var target = FSDirectory.Open(to);
        using var writer = new IndexWriter(target, LogPartition.WriterConfig(OpenMode.CREATE));
        PartitionLayout.Mark(writer);
        var builder = LogDocumentBuilder.ForThread;
        long records = 0;
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var live = segment.LiveDocs;
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                var json = segment.Document(doc, SourceOnly).GetBinaryValue(LogDocuments.Source);
                var bytes = json.Bytes.AsSpan(json.Offset, json.Length).ToArray();
                writer.AddDocument(builder.Build(LogRecordJson.Deserialize(bytes), bytes));
                records++;
            }
        }

        writer.Commit();
        return records;
    }

    /// <summary>Ends a swap that <c>folder.retired</c> shows was begun (see the states above).</summary>
    private static void FinishSwap(string dataPath, string folder)
    {
        if (!Directory.Exists(folder))
        {
            // The old index moves back when no new one is there to take its place; it is then re-indexed again.
            Directory.Move(Directory.Exists(folder + ReindexSuffix) ? folder + ReindexSuffix : folder + RetiredSuffix, folder);
            DirectorySync.Flush(dataPath);
        }

        if (Directory.Exists(folder + RetiredSuffix))
        {
            Directory.Delete(folder + RetiredSuffix, recursive: true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-indexed log partition {Partition} ({Records} records) from index layout {From} to {To} in {Elapsed}")]
    private static partial void LogReindexed(ILogger logger, string partition, long records, string from, string to, TimeSpan elapsed);
}
