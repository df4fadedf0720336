using System.Globalization;
using AirisEpm.TraceService.Analysis.Dependencies;
using AirisEpm.TraceService.Analysis.Graph;
using AirisEpm.TraceService.Analysis.Sketches;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.Storage.Dependencies;

/// <summary>
/// The production dependency store: table <c>edge_buckets</c> in the span store's database, a MergeTree
/// partitioned by the bucket's UTC day and ordered by (bucket, caller, callee), with the spans' retention as
/// TTL (whole days, rounded up). The sketch is an <c>Array(UInt8)</c> (its bytes as RowBinary sends them).
/// Synchronous inserts with fsync, as the span table, so a written bucket survives a server crash.
/// Its schema version lives in its own <c>dependency_schema_migrations</c> table.
/// </summary>
public sealed class ClickHouseDependencyStore(IOptions<TraceStoreOptions> options) : IDependencyStore, IDisposable
{
    private static readonly string[] Columns =
        ["bucket_ns", "caller", "caller_kind", "callee", "callee_kind", "calls", "errors", "sketch", "exemplar_trace_id", "error_trace_id"];

    private readonly ClickHouseClient _client = new(options.Value.ClickHouseConnectionString);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _client.ExecuteNonQueryAsync("""
            CREATE TABLE IF NOT EXISTS dependency_schema_migrations (version UInt32, description String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
            ENGINE = MergeTree ORDER BY version
            """, cancellationToken: cancellationToken);
        var applied = Convert.ToInt64(await _client.ExecuteScalarAsync("SELECT max(version) FROM dependency_schema_migrations", cancellationToken: cancellationToken), CultureInfo.InvariantCulture);
        if (applied >= 1)
            return;
        var days = ((long)Math.Ceiling(options.Value.Retention.TotalDays)).ToString(CultureInfo.InvariantCulture);
        await _client.ExecuteNonQueryAsync($"""
            CREATE TABLE IF NOT EXISTS edge_buckets (
                bucket_ns Int64, caller LowCardinality(String), caller_kind Int8, callee LowCardinality(String), callee_kind Int8,
                calls Int64, errors Int64, sketch Array(UInt8), exemplar_trace_id Nullable(String), error_trace_id Nullable(String))
            ENGINE = MergeTree
            PARTITION BY toDate(toDateTime(intDiv(bucket_ns, 1000000000), 'UTC'))
            ORDER BY (bucket_ns, caller, callee)
            TTL toDateTime(intDiv(bucket_ns, 1000000000), 'UTC') + INTERVAL {days} DAY
            SETTINGS fsync_after_insert = 1, fsync_part_directory = 1
            """, cancellationToken: cancellationToken);
        await _client.InsertBinaryAsync("dependency_schema_migrations", ["version", "description"], [new object[] { 1u, "edge buckets" }], cancellationToken: cancellationToken);
    }

    public Task WriteAsync(IReadOnlyList<EdgeBucket> buckets, CancellationToken cancellationToken)
    {
        if (buckets.Count == 0)
            return Task.CompletedTask;
        var rows = buckets.Select(b => new object?[]
        {
            b.BucketStartNs, b.Edge.From, (sbyte)b.FromKind, b.Edge.To, (sbyte)b.ToKind, b.Stats.Calls, b.Stats.Errors,
            b.Stats.Latency.ToBytes(), b.Stats.ExemplarTraceId, b.Stats.ErrorTraceId,
        }).ToList();
        return _client.InsertBinaryAsync("edge_buckets", Columns, rows!, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<EdgeBucket>> ReadAsync(long fromNs, long toNs, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("from", fromNs);
        parameters.AddParameter("to", toNs);
        var rows = new List<EdgeBucket>();
        using var r = await _client.ExecuteReaderAsync(
            $"SELECT {string.Join(", ", Columns)} FROM edge_buckets WHERE bucket_ns >= {{from:Int64}} AND bucket_ns < {{to:Int64}} ORDER BY bucket_ns, caller, callee",
            parameters, cancellationToken: cancellationToken);
        while (r.Read())
        {
            var stats = BucketStats.Restore(Long(r.GetValue(5)), Long(r.GetValue(6)), LatencySketch.FromBytes((byte[])r.GetValue(7)),
                r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9));
            rows.Add(new EdgeBucket(Long(r.GetValue(0)), new EdgeKey(r.GetString(1), r.GetString(3)),
                (TargetKind)Long(r.GetValue(2)), (TargetKind)Long(r.GetValue(4)), stats));
        }
        return rows;
    }

    public async Task<long> DeleteOlderThanAsync(long cutoffNs, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("cutoff", cutoffNs);
        var count = Long(await _client.ExecuteScalarAsync("SELECT count() FROM edge_buckets WHERE bucket_ns < {cutoff:Int64}", parameters, cancellationToken: cancellationToken));
        if (count > 0)
            await _client.ExecuteNonQueryAsync("DELETE FROM edge_buckets WHERE bucket_ns < {cutoff:Int64}", parameters, cancellationToken: cancellationToken);
        return count;
    }

    public Task PingAsync(CancellationToken cancellationToken) => _client.ExecuteScalarAsync("SELECT 1", cancellationToken: cancellationToken);

    public void Dispose() => _client.Dispose();

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
