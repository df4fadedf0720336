using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Lucene;
using AirisEpm.LogService.Storage.Lucene.Collectors;
using CsCheck;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace AirisEpm.LogService.Tests.Storage.Lucene;

/// <summary>
/// <see cref="LogDocumentBuilder"/> (fields reused between documents) and <see cref="TimeRangeQuery"/>
/// (second buckets plus an exact doc-values check) against a brute-force reading of the same records.
/// </summary>
public sealed class LuceneDocumentTests
{
    private const long Bucket = 1L << LogDocuments.TimeBucketShift;

    // Around a bucket edge, around zero (negative timestamps floor to the bucket below), and at the extremes.
    private static readonly long[] Times =
        [(5 * Bucket) - 2, (5 * Bucket) - 1, 5 * Bucket, (5 * Bucket) + 1, (6 * Bucket) - 1, -Bucket, -1, 0, 1, long.MinValue, long.MaxValue];

    public static TheoryData<long?, long?, bool, bool> Ranges => new()
    {
        { 5 * Bucket, 6 * Bucket, true, false },
        { 5 * Bucket, (5 * Bucket) + 1, false, true },
        { (5 * Bucket) - 1, 5 * Bucket, true, true },
        { (5 * Bucket) - 1, (5 * Bucket) - 1, true, true },
        { (5 * Bucket) - 1, (5 * Bucket) - 1, false, true },
        { -1, 1, true, false },
        { null, 0, true, false },
        { 0, null, false, true },
        { null, null, true, true },
        { long.MaxValue, null, false, true },
        { null, long.MinValue, true, false },
        { long.MinValue, long.MinValue, true, true },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void A_time_range_matches_exactly_the_records_inside_it(long? from, long? to, bool fromInclusive, bool toInclusive)
    {
        using var directory = new RAMDirectory();
        var records = Times.Select((t, i) => Record($"r{i}", t, i % 2 == 0 ? "even" : "odd")).ToList();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LogAnalyzers.Version, LogAnalyzers.Text)))
        {
            foreach (var record in records)
            {
                writer.AddDocument(LogDocumentBuilder.ForThread.Build(record, LogRecordJson.Serialize(record)));
            }
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var found = searcher.Search(new TimeRangeQuery(from, to, fromInclusive, toInclusive), 100).ScoreDocs
            .Select(d => LogDocuments.ToRecord(searcher.Doc(d.Doc)).Id).Order().ToList();
        var expected = records
            .Where(r => from is not { } f || (fromInclusive ? r.TimestampNs >= f : r.TimestampNs > f))
            .Where(r => to is not { } t || (toInclusive ? r.TimestampNs <= t : r.TimestampNs < t))
            .Select(r => r.Id).Order().ToList();
        Assert.Equal(expected, found);
    }

    [Fact]
    public void Reused_fields_never_carry_a_value_into_the_next_document()
    {
        using var directory = new RAMDirectory();
        var withAll = Record("a", 1, "even") with { TraceId = "t1", PatternId = "p1", StackTrace = "at Main()" };
        var bare = Record("b", 2, "odd") with { Labels = new Dictionary<string, string>(), Fields = new Dictionary<string, string>() };
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LogAnalyzers.Version, LogAnalyzers.Text)))
        {
            writer.AddDocument(LogDocumentBuilder.ForThread.Build(withAll, LogRecordJson.Serialize(withAll)));
            writer.AddDocument(LogDocumentBuilder.ForThread.Build(bare, LogRecordJson.Serialize(bare)));
        }

        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        int Count(string field, string value) => searcher.Search(new TermQuery(new Term(field, value)), 10).TotalHits;
        Assert.Equal(1, Count(LogFieldNames.TraceId, "t1"));
        Assert.Equal(1, Count(LogFieldNames.StackTrace, "main"));
        Assert.Equal(1, Count(LogFieldNames.LabelPrefix + "parity", "even"));
        Assert.Equal(0, Count(LogFieldNames.LabelPrefix + "parity", "odd"));
        Assert.Equal(1, Count(LogFieldNames.Message, "b"));
        Assert.Equal(["a", "b"], Enumerable.Range(0, 2).Select(d => LogDocuments.ToRecord(searcher.Doc(d)).Id));
        var names = MultiDocValues.GetSortedSetValues(reader, LogDocuments.FieldNames);
        names.SetDocument(1);
        Assert.Equal(SortedSetDocValues.NO_MORE_ORDS, names.NextOrd());
    }

    [Fact]
    public void The_histogram_counts_each_record_in_the_bucket_its_timestamp_falls_in() =>
        Gen.Select(Gen.Long[-50, 50].Array[0, 40], Gen.Long[-20, 20], Gen.Long[1, 9], Gen.Int[1, 12], Gen.Int[1, 3]).Sample((times, start, width, buckets, segments) =>
        {
            using var directory = new RAMDirectory();
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(LogAnalyzers.Version, LogAnalyzers.Text)))
            {
                for (var i = 0; i < times.Length; i++)
                {
                    var record = Record($"h{i}", times[i], "even") with { Level = (Severity)(i % 7) };
                    writer.AddDocument(LogDocumentBuilder.ForThread.Build(record, LogRecordJson.Serialize(record)));
                    if (i % segments == 0) writer.Commit(); // several segments, each with its own ordinals
                }
            }

            using var reader = DirectoryReader.Open(directory);
            var histogram = new HistogramCollector(start, width, buckets);
            new IndexSearcher(reader).Search(new MatchAllDocsQuery(), histogram);
            var expected = new long[buckets, 7];
            for (var i = 0; i < times.Length; i++)
            {
                var bucket = Math.Floor((times[i] - start) / (double)width);
                if (bucket >= 0 && bucket < buckets) expected[(int)bucket, i % 7]++;
            }

            var found = histogram.Buckets();
            return found.Count == buckets && Enumerable.Range(0, buckets).All(b =>
                found[b].StartNs == start + (b * width)
                && Enumerable.Range(0, 7).All(l => found[b].CountsByLevel.GetValueOrDefault((Severity)l) == expected[b, l]));
        });

    [Fact]
    public void Only_a_record_whose_id_does_not_tell_its_time_gets_an_id_term_and_long_messages_get_no_hash()
    {
        var told = Record(RecordIds.New(Bucket), Bucket, "even");
        var foreign = Record(RecordIds.New(Bucket), 2 * Bucket, "odd");
        var named = Record("r1", Bucket, "odd") with { Message = new string('x', ExactMessageQuery.MaxLength + 1) };

        Assert.Null(LogDocumentBuilder.ForThread.Build(told, []).GetField(LogFieldNames.Id));
        Assert.NotNull(LogDocumentBuilder.ForThread.Build(foreign, []).GetField(LogFieldNames.Id));
        var document = LogDocumentBuilder.ForThread.Build(named, []);
        Assert.Equal("r1", document.GetField(LogFieldNames.Id).GetStringValue());
        Assert.Null(document.GetField(LogFieldNames.MessageKeyword));
        Assert.Equal(TimeIdKey.Of(Bucket, "r1"), document.GetField(TimeIdKey.Field).GetBinaryValue());
    }

    private static LogRecord Record(string id, long timestampNs, string parity) =>
        new(id, timestampNs, Severity.Info, $"record {id}", "api", null, null,
            new Dictionary<string, string> { ["parity"] = parity }, new Dictionary<string, string> { ["n"] = id });
}
