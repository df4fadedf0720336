using System.ComponentModel.DataAnnotations;

namespace AirisEpm.LogService.Storage;

/// <summary>Which store keeps the log records, where, and for how long (section <c>Logs:Store</c>).</summary>
public sealed class LogStoreOptions : IValidatableObject
{
    public const string Section = "Logs:Store";

    /// <summary><c>lucene</c> (embedded, the default: nothing to run beside the service) or <c>elasticsearch</c>.</summary>
    [RegularExpression("^(lucene|elasticsearch)$")]
    public string Kind { get; set; } = "lucene";

    /// <summary>The Lucene data folder (one index folder per partition plus <c>wal/</c>), relative to the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "data/logs";

    /// <summary>
    /// Width of one Lucene partition (one index per UTC window). One day: retention is counted in days, so
    /// a 30-day store holds about 31 open indexes, and a "last 15 minutes" search touches one or two.
    /// Whole hours from 1 hour to 7 days; partitions written under an earlier width keep theirs.
    /// </summary>
    public TimeSpan PartitionWidth { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How often the Lucene indexes are committed and the write-ahead log truncated. 30 seconds bounds the
    /// replay after a crash to 30 seconds of ingest while keeping commits (an fsync of every new segment
    /// file) rare enough to cost nothing measurable.
    /// </summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A commit also starts once the write-ahead log holds this many bytes (checked every <see cref="MaintenanceTick"/>).
    /// 64 MiB is about 200,000 records, which replay in well under a minute; a burst cannot make a restart slow.
    /// </summary>
    [Range(1024, long.MaxValue)]
    public long MaxWalBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Records per apply, at most: an append is acknowledged once it is in the WAL, and indexed into the Lucene
    /// writers behind, many appends together. 20,000 records is a fraction of a second of indexing, so what a read
    /// waits for stays short.
    /// </summary>
    [Range(1, 10_000_000)]
    public int ApplyBatchRecords { get; set; } = 20_000;

    /// <summary>
    /// A smaller backlog is indexed after this long anyway (a read or a commit has it indexed at once). 200 ms keeps
    /// the backlog, and the memory its records hold, small at any rate.
    /// </summary>
    public TimeSpan ApplyInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Records logged and not yet indexed before an append waits for room: two batches (one being indexed, one
    /// filling; about 40 MB of records and their JSON); past it the batching writer in front answers 429/503. It also
    /// bounds what a read waits for (<see cref="ReadWaitTimeout"/>): 40,000 records took 4–8 s to index at a load
    /// average of 40 on the two shared cores, 100,000 took more than the ten seconds.
    /// </summary>
    [Range(1, 100_000_000)]
    public int ApplyCapacityRecords { get; set; } = 40_000;

    /// <summary>
    /// Threads that index one apply batch together, each into its own Lucene in-memory segment (an
    /// <c>IndexWriter</c> takes documents from several threads at once); 0 means one per core. The default is one:
    /// on the shared two-core machine (load averages of 20–36) two threads cost 20–35 % more CPU and 3–6 KB more
    /// allocations per record end to end (more and smaller in-memory segments to flush and merge, as far as we can tell) for no more
    /// records per second, since no core was idle. Where a core idles while the request threads wait for the WAL's
    /// fsync, more threads turn it into indexing throughput. A batch smaller than
    /// <see cref="MinRecordsPerIndexingThread"/> per thread uses fewer.
    /// </summary>
    [Range(0, 64)]
    public int IndexingThreads { get; set; } = 1;

    /// <summary>
    /// The least records worth a thread of their own (see <see cref="IndexingThreads"/>): 1,000 records are some
    /// tens of milliseconds of indexing, far more than handing them to another thread costs.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MinRecordsPerIndexingThread { get; set; } = 1_000;

    /// <summary>A read waits this long for the records acknowledged before it to be indexed, then is answered 503.</summary>
    public TimeSpan ReadWaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often partitions with new records get a new searcher while people are searching. Searches never
    /// miss an acknowledged record either way: a search refreshes a partition that has unseen writes before
    /// it reads it. The background refresh only spares searches that work; one second is Elasticsearch's
    /// refresh interval.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// With no search for this long the background refresh pauses (Elasticsearch's <c>index.search.idle.after</c>,
    /// also 30 seconds): refreshing costs ingest about as much CPU again as indexing, for no one.
    /// </summary>
    public TimeSpan SearchIdleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The commit and refresh loop's tick: at most this late a commit that the WAL size asks for.</summary>
    public TimeSpan MaintenanceTick { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Records older than this are deleted. 30 days is what hosted log services keep by default.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the retention job runs; hourly, so a day partition is dropped at most an hour late.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An Elasticsearch node (or load balancer) URL; the default is a node on this machine at Elasticsearch's own port.</summary>
    public string ElasticsearchUrl { get; set; } = "http://localhost:9200";

    /// <summary>Elasticsearch API key (from the secret store or the environment), or null for none.</summary>
    public string? ElasticsearchApiKey { get; set; }

    /// <summary>
    /// The data stream's name; its index template takes the same name. The default follows Elastic's
    /// <c>logs-&lt;dataset&gt;-&lt;namespace&gt;</c> naming, so Kibana's log views find it.
    /// </summary>
    [RegularExpression("^[a-z0-9][a-z0-9._-]*$")]
    public string ElasticsearchDataStream { get; set; } = "logs-airis-default";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PartitionWidth < TimeSpan.FromHours(1) || PartitionWidth > TimeSpan.FromDays(7) || PartitionWidth.Ticks % TimeSpan.TicksPerHour != 0)
        {
            yield return new ValidationResult("PartitionWidth must be a whole number of hours from 1 hour to 7 days.", [nameof(PartitionWidth)]);
        }

        foreach (var (name, value) in new[] { (nameof(CommitInterval), CommitInterval), (nameof(ApplyInterval), ApplyInterval), (nameof(ReadWaitTimeout), ReadWaitTimeout), (nameof(RefreshInterval), RefreshInterval), (nameof(MaintenanceTick), MaintenanceTick), (nameof(Retention), Retention), (nameof(RetentionInterval), RetentionInterval) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"{name} must be positive.", [name]);
            }
        }
    }
}
