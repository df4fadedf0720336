using System.Globalization;
using AirisEpm.Benchmarks;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Ingest;
using AirisEpm.LogService.Ingest.Json;
using AirisEpm.LogService.Parsing;
using AirisEpm.LogService.Patterns;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Lucene;
using AirisEpm.Protocols.Ingest;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace AirisEpm.LogIngest.Benchmarks;

/// <summary>
/// Mode <c>stages</c>: the server's per-line work for the NDJSON bodies, one stage at a time with no HTTP (decode,
/// pattern mining, level and trace enrichment, the record's JSON, the Lucene document, and its indexing into an
/// in-memory index flushed at the end), each after three rounds of warm-up so the JIT has finished; then what each
/// indexed field costs (the same indexing with that field left out), and the indexing from one and two threads.
/// Prints CPU µs and KB allocated per line (<see cref="ProcessCost"/>; allocations are the figure to trust when
/// the machine is shared).
/// </summary>
internal static class StageProbe
{
    private static readonly string[] Fields =
        ["", "_time_id", "_source", "_time_bucket", "message", "message.keyword", "level", "service", "pattern_id", "fields.user_id"];

    public static void Run(int lines)
    {
        var bodies = Enumerable.Range(0, Math.Max(1, lines / 1_000)).Select(b => RequestBodies.Ndjson(b * 1_000, 1_000)).ToList();
        var miner = new PatternMiner();
        var parser = new RawLineParser();
        for (var round = 0; round < 4; round++)
        {
            var print = round == 3;
            var decoded = Stage("decode (JsonBatchReader)", print, lines, () => bodies.Select(b => JsonBatchReader.Read(b.Bytes, 0, new IngestProblems())).ToList());
            Stage("pattern mining (PatternMiner.MineBatch)", print, lines, () => decoded.Select(r => miner.MineBatch(r.Select(x => x.Message).ToList(), DateTimeOffset.UtcNow)).ToList());
            Stage("level/trace enrichment (RawLineParser.Parse)", print, lines, () => decoded.Select(r => r.Select(x => parser.Parse(x.Message, x.TimestampNs)).ToList()).ToList());
            var records = decoded.SelectMany(r => r).Select(x => x with { Id = RecordIds.New(x.TimestampNs), PatternId = "p-0123456789abcdef" }).ToArray();
            var sources = Stage("record JSON (LogRecordJson.Serialize)", print, lines, () => records.Select(LogRecordJson.Serialize).ToArray());
            var builder = LogDocumentBuilder.ForThread;
            Stage("Lucene document build", print, lines, () =>
            {
                for (var i = 0; i < records.Length; i++) builder.Build(records[i], sources[i]);
                return 0;
            });
            if (!print) continue;

            foreach (var field in Fields)
            {
                Index(field.Length == 0 ? "Lucene AddDocument + flush (RAMDirectory)" : $"  ... without {field}", lines, records, sources, 1, document => Remove(document, field));
            }

            Index("  ... from 2 threads, 20,000 records a batch", lines, records, sources, 2, _ => { });
        }
    }

    private static void Index(string name, int lines, LogRecord[] records, byte[][] sources, int threads, Action<Document> change)
    {
        for (var round = 0; round < 3; round++)
        {
            using var directory = new RAMDirectory();
            using var writer = new IndexWriter(directory, new IndexWriterConfig(LogAnalyzers.Version, LogAnalyzers.Text));
            Stage(name, round == 2, lines, () =>
            {
                for (var start = 0; start < records.Length; start += 20_000)
                {
                    var end = Math.Min(records.Length, start + 20_000);
                    Parallel.For(0, threads, slice =>
                    {
                        var builder = LogDocumentBuilder.ForThread;
                        var (from, to) = IndexingBatch.Slice(end - start, threads, slice);
                        for (var i = start + from; i < start + to; i++)
                        {
                            var document = builder.Build(records[i], sources[i]);
                            change(document);
                            writer.AddDocument(document);
                        }
                    });
                }

                writer.Flush(triggerMerge: false, applyAllDeletes: true);
                return 0;
            });
        }
    }

    /// <summary>Leaves out a field ("name"), or only its indexed term or only its doc values ("name:term", "name:doc values").</summary>
    private static void Remove(Document document, string field)
    {
        if (field.Length == 0) return;
        var (name, part) = field.Split(':') is [var n, var p] ? (n, p) : (field, null);
        var fields = document.Fields;
        for (var i = fields.Count - 1; i >= 0; i--)
        {
            if (fields[i].Name == name && (part is null || (part == "term") == fields[i].IndexableFieldType.IsIndexed)) fields.RemoveAt(i);
        }
    }

    private static T Stage<T>(string name, bool print, int lines, Func<T> work)
    {
        GC.Collect();
        var cost = ProcessCost.Start();
        var result = work();
        if (print) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-50} {cost.PerRecord(lines, "line")}"));
        return result;
    }
}
