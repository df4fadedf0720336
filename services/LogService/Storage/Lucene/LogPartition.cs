using System.Globalization;
using System.Text.RegularExpressions;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Directory = System.IO.Directory;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// One Lucene index holding the records of the UTC window [<see cref="StartNs"/>, <see cref="EndNs"/>),
/// in a folder named after the window (<c>20260101T0000Z_1440m</c>), with its writer and a near-real-time
/// searcher manager. Versions count changes: a search refreshes only when something was indexed since
/// the searcher it would use was opened, and a commit runs only when something changed since the last.
/// </summary>
internal sealed partial class LogPartition : IDisposable
{
    private const long NsPerMinute = 60_000_000_000;
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private long _indexedVersion;
    private long _visibleVersion;
    private long _committedVersion;

    private LogPartition(string path, long startNs, long endNs)
    {
        Path = path;
        StartNs = startNs;
        EndNs = endNs;
        Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(new DirectoryInfo(path));
        if (!PartitionLayout.IsCurrent(_directory))
        {
            _directory.Dispose();
            throw new InvalidOperationException($"The log partition {path} has an older index layout; PartitionMigration brings it up to date before it is opened.");
        }

        _writer = new IndexWriter(_directory, WriterConfig(OpenMode.CREATE_OR_APPEND));
        PartitionLayout.Mark(_writer);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
    }

    public string Path { get; }

    public long StartNs { get; }

    public long EndNs { get; }

    public static LogPartition Create(string dataPath, long startNs, long widthNs)
    {
        var start = DateTimeOffset.UnixEpoch.AddTicks(startNs / 100);
        var name = $"{start.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture)}_{widthNs / NsPerMinute}m";
        return new LogPartition(System.IO.Path.Combine(dataPath, name), startNs, startNs + widthNs);
    }

    /// <summary>How every partition's writer is set up (the migration's too, so its documents are indexed alike).</summary>
    public static IndexWriterConfig WriterConfig(OpenMode mode) => new(LogAnalyzers.Version, LogAnalyzers.Text)
    {
        OpenMode = mode,
        RAMBufferSizeMB = IndexBufferMegabytes,
        MergePolicy = new TieredMergePolicy { SegmentsPerTier = SegmentsPerMerge, MaxMergeAtOnce = SegmentsPerMerge },
    };

    /// <summary>
    /// How large a writer's in-memory segment grows before Lucene flushes it (Lucene's default is 16 MB). Four times
    /// that flushes, compounds and merges a quarter as many segments: 31.3 against 35.0 µs of server CPU per line
    /// (10 % less, every one of five alternating pairs, bench/LogIngest.Benchmarks/README.md), for at most 48 MB more
    /// memory per partition being written to (one, but for late records).
    /// </summary>
    public const double IndexBufferMegabytes = 64;

    /// <summary>
    /// How many segments of a size Lucene's tiered merge policy lets build up, and merges in one go (its default is
    /// 10). A log partition is written once and read newest first, so fewer rewrites of each record matter more than a
    /// few more segments per search: over 3,000,000 ndjson lines, 25.0 / 26.4 against 26.2 / 28.6 µs of server CPU
    /// per line in two pairs; in LogStore.Benchmarks, 45.3 against 53.8 µs per appended record, and search p95 over a
    /// million records within the noise of one run each (a term 15.4 against 11.9 ms, a phrase 14.9 against 22.6, a
    /// filtered query 8.2 against 17.9; the aim is 50).
    /// </summary>
    public const int SegmentsPerMerge = 20;

    /// <summary>True when <paramref name="folderName"/> is a partition folder's name (<c>20260101T0000Z_1440m</c>).</summary>
    public static bool IsPartitionName(string folderName) => NamePattern().IsMatch(folderName);

    /// <summary>Opens the partition folder at <paramref name="path"/>, or null when its name is not a partition's.</summary>
    public static LogPartition? TryOpen(string path)
    {
        var match = NamePattern().Match(System.IO.Path.GetFileName(path));
        if (!match.Success)
        {
            return null;
        }

        var start = DateTimeOffset.ParseExact(match.Groups[1].Value, "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var startNs = (start - DateTimeOffset.UnixEpoch).Ticks * 100;
        return new LogPartition(path, startNs, startNs + (long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) * NsPerMinute));
    }

    /// <summary>Set by <see cref="Close"/> (under the store's exclusive lock); a search that listed the partition before skips it.</summary>
    public bool IsClosed { get; private set; }

    public bool Overlaps(long startNs, long endNs) => StartNs < endNs && EndNs > startNs;

    public void Add(Document document)
    {
        _writer.AddDocument(document);
        Interlocked.Increment(ref _indexedVersion);
    }

    public void Delete(Query query)
    {
        _writer.DeleteDocuments(query);
        Interlocked.Increment(ref _indexedVersion);
    }

    /// <summary>A searcher that sees everything indexed before this call; release it with <see cref="Release"/>.</summary>
    public IndexSearcher AcquireFresh()
    {
        var version = Volatile.Read(ref _indexedVersion);
        if (version > Volatile.Read(ref _visibleVersion))
        {
            _searchers.MaybeRefreshBlocking();
            Raise(ref _visibleVersion, version);
        }

        return _searchers.Acquire();
    }

    public void Release(IndexSearcher searcher) => _searchers.Release(searcher);

    /// <summary>Opens a new searcher when something was indexed since the last one (the background refresh).</summary>
    public void Refresh() => _searchers.Release(AcquireFresh());

    public void Commit()
    {
        var version = Volatile.Read(ref _indexedVersion);
        if (version > Volatile.Read(ref _committedVersion))
        {
            _writer.Commit();
            Raise(ref _committedVersion, version);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }

    /// <summary>The live (not deleted) documents as of the last refresh.</summary>
    public int Count()
    {
        var searcher = AcquireFresh();
        try
        {
            return searcher.IndexReader.NumDocs;
        }
        finally
        {
            Release(searcher);
        }
    }

    /// <summary>Closes without committing (retention: everything in it has expired); the caller deletes the folder.</summary>
    public void Close()
    {
        IsClosed = true;
        _searchers.Dispose();
        _writer.Rollback();
        _directory.Dispose();
    }

    private static void Raise(ref long target, long value)
    {
        var seen = Volatile.Read(ref target);
        while (seen < value && Interlocked.CompareExchange(ref target, value, seen) is var actual && actual != seen)
        {
            seen = actual;
        }
    }

    [GeneratedRegex(@"^(\d{8}T\d{4}Z)_(\d+)m$")]
    private static partial Regex NamePattern();
}
