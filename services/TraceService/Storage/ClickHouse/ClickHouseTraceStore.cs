using System.Data.Common;
using System.Globalization;
using System.Text;
using AirisEpm.TraceService.Domain;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using Microsoft.Extensions.Options;

namespace AirisEpm.TraceService.Storage.ClickHouse;

/// <summary>
/// The production store on ClickHouse, over HTTP with RowBinary bulk inserts (schema and its reasons in
/// <see cref="ClickHouseTraceSchema"/>). Every value goes in as a typed query parameter. Copies of a span
/// are collapsed on read (<see cref="SpanCopies"/>) and summaries built by <see cref="TraceSummaries"/>, as in DuckDB.
/// </summary>
public sealed class ClickHouseTraceStore(IOptions<TraceStoreOptions> options) : ITraceStore, IDisposable
{
    private static readonly string[] Columns =
    [
        "trace_id", "span_id", "parent_span_id", "service", "name", "kind", "start_ns", "duration_ns", "status", "status_message",
        "attr_keys", "attr_values", "attr_types", "res_keys", "res_values", "res_types", "events", "links",
    ];

    private static readonly string SpanColumns = string.Join(", ", Columns);
    private const string HeadColumns = "trace_id, span_id, parent_span_id, service, name, kind, start_ns, duration_ns, status";
    private readonly ClickHouseClient _client = new(options.Value.ClickHouseConnectionString);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _client.ExecuteNonQueryAsync("""
            CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, description String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
            ENGINE = MergeTree ORDER BY version
            """, cancellationToken: cancellationToken);
        var applied = Convert.ToInt64(await _client.ExecuteScalarAsync("SELECT max(version) FROM schema_migrations", cancellationToken: cancellationToken), CultureInfo.InvariantCulture);
        foreach (var (version, description, statements) in ClickHouseTraceSchema.Migrations(options.Value).Where(m => m.Version > applied))
        {
            foreach (var statement in statements)
            {
                await _client.ExecuteNonQueryAsync(statement, cancellationToken: cancellationToken);
            }

            await _client.InsertBinaryAsync("schema_migrations", ["version", "description"], [new object[] { (uint)version, description }], cancellationToken: cancellationToken);
        }
    }

    /// <summary>One synchronous insert (no async_insert): it returns once the part is written and fsynced.</summary>
    public Task WriteAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken)
    {
        if (spans.Count == 0)
        {
            return Task.CompletedTask;
        }

        var rows = spans.Select(s =>
        {
            var attributes = AttributeColumns.From(s.Attributes);
            var resource = AttributeColumns.From(s.Resource);
            return new object?[]
            {
                s.TraceId, s.SpanId, s.ParentSpanId, s.Service, s.Name, (sbyte)s.Kind, s.StartNs, s.DurationNs, (sbyte)s.Status, s.StatusMessage,
                attributes.Keys, attributes.Values, attributes.Types, resource.Keys, resource.Values, resource.Types,
                SpanJson.Events(s.Events), SpanJson.Links(s.Links),
            };
        }).ToList();
        return _client.InsertBinaryAsync("spans", Columns, rows!, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<Span>> GetTraceAsync(string traceId, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("id", traceId);
        long? lo = null, hi = null;
        await ReadAsync(
            "SELECT min(min_start), max(max_start), count() FROM trace_index WHERE trace_id = {id:String}",
            parameters,
            r =>
            {
                if (Long(r, 2) > 0)
                {
                    (lo, hi) = (Long(r, 0), Long(r, 1));
                }
            },
            cancellationToken);
        if (lo is null)
        {
            return [];
        }

        parameters.AddParameter("lo", lo.Value);
        parameters.AddParameter("hi", hi!.Value);
        var spans = new List<Span>();
        await ReadAsync(
            $"SELECT {SpanColumns} FROM spans WHERE start_ns >= {{lo:Int64}} AND start_ns <= {{hi:Int64}} AND trace_id = {{id:String}}",
            parameters,
            r => spans.Add(ReadSpan(r)),
            cancellationToken);
        return SpanCopies.Collapse(spans);
    }

    public async Task<IReadOnlyList<Span>> GetSpansAsync(long startNs, long endNs, string? service, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("start", startNs);
        parameters.AddParameter("end", endNs);
        var filter = "";
        if (service is not null)
        {
            parameters.AddParameter("service", service);
            filter = " AND service = {service:String}";
        }

        var spans = new List<Span>();
        await ReadAsync(
            $"SELECT {SpanColumns} FROM spans WHERE start_ns >= {{start:Int64}} AND start_ns < {{end:Int64}}{filter}",
            parameters,
            r => spans.Add(ReadSpan(r)),
            cancellationToken);
        return SpanCopies.Collapse(spans);
    }

    /// <summary>
    /// The newest matching trace ids, their bounds from <c>trace_index</c>, then the heads of those traces within
    /// the bounds of all of them.
    /// </summary>
    public async Task<IReadOnlyList<TraceSummary>> SearchAsync(TraceQuery query, CancellationToken cancellationToken)
    {
        if (query.Limit <= 0 || query.EndNs <= query.StartNs)
        {
            return [];
        }

        var parameters = new ClickHouseParameterCollection();
        var where = Conditions(query, parameters);
        var ids = new List<string>();
        await ReadAsync(
            $"SELECT trace_id, max(start_ns) AS newest FROM spans WHERE {where} GROUP BY trace_id ORDER BY newest DESC, trace_id LIMIT {query.Limit.ToString(CultureInfo.InvariantCulture)}",
            parameters,
            r => ids.Add(r.GetString(0)),
            cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var lookup = new ClickHouseParameterCollection();
        lookup.AddParameter("ids", ids.ToArray());
        long lo = long.MaxValue, hi = long.MinValue;
        await ReadAsync(
            "SELECT min(min_start), max(max_start) FROM trace_index WHERE has({ids:Array(String)}, trace_id) GROUP BY trace_id",
            lookup,
            r => (lo, hi) = (Math.Min(lo, Long(r, 0)), Math.Max(hi, Long(r, 1))),
            cancellationToken);
        lookup.AddParameter("lo", lo);
        lookup.AddParameter("hi", hi);
        var heads = new List<SpanHead>();
        await ReadAsync(
            $"SELECT {HeadColumns} FROM spans WHERE start_ns >= {{lo:Int64}} AND start_ns <= {{hi:Int64}} AND has({{ids:Array(String)}}, trace_id)",
            lookup,
            r => heads.Add(new SpanHead(
                r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetString(4),
                (SpanKind)Long(r, 5), Long(r, 6), Long(r, 7), Long(r, 8) == (long)SpanStatus.Error)),
            cancellationToken);
        return TraceSummaries.Build(heads, ids);
    }

    public async Task<IReadOnlyList<string>> GetServicesAsync(CancellationToken cancellationToken)
    {
        var services = new List<string>();
        await ReadAsync("SELECT DISTINCT service FROM spans ORDER BY service", new ClickHouseParameterCollection(), r => services.Add(r.GetString(0)), cancellationToken);
        return services;
    }

    public async Task<IReadOnlyList<Operation>> GetOperationsAsync(string service, SpanKind? kind, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("service", service);
        var filter = "";
        if (kind is { } k)
        {
            parameters.AddParameter("kind", (sbyte)k);
            filter = " AND kind = {kind:Int8}";
        }

        var operations = new List<Operation>();
        await ReadAsync(
            $"SELECT DISTINCT name, kind FROM spans WHERE service = {{service:String}}{filter} ORDER BY name, kind",
            parameters,
            r => operations.Add(new Operation(r.GetString(0), (SpanKind)Long(r, 1))),
            cancellationToken);
        return operations;
    }

    /// <summary>Counts, then lightweight-deletes (the table TTLs do the same in the background).</summary>
    public async Task<long> DeleteOlderThanAsync(long cutoffNs, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("cutoff", cutoffNs);
        var count = Convert.ToInt64(
            await _client.ExecuteScalarAsync("SELECT count() FROM spans WHERE start_ns < {cutoff:Int64}", parameters, cancellationToken: cancellationToken),
            CultureInfo.InvariantCulture);
        if (count > 0)
        {
            await _client.ExecuteNonQueryAsync("DELETE FROM spans WHERE start_ns < {cutoff:Int64}", parameters, cancellationToken: cancellationToken);
        }

        await _client.ExecuteNonQueryAsync("DELETE FROM trace_index WHERE max_start < {cutoff:Int64}", parameters, cancellationToken: cancellationToken);
        return count;
    }

    public Task PingAsync(CancellationToken cancellationToken) => _client.ExecuteScalarAsync("SELECT 1", cancellationToken: cancellationToken);

    public void Dispose() => _client.Dispose();

    /// <summary>One span matching every condition; a tag matches the attribute or the resource attribute.</summary>
    private static string Conditions(TraceQuery query, ClickHouseParameterCollection parameters)
    {
        parameters.AddParameter("start", query.StartNs);
        parameters.AddParameter("end", query.EndNs);
        var where = new StringBuilder("start_ns >= {start:Int64} AND start_ns < {end:Int64}");
        if (query.Service is not null)
        {
            parameters.AddParameter("service", query.Service);
            where.Append(" AND service = {service:String}");
        }

        if (query.Operation is not null)
        {
            parameters.AddParameter("operation", query.Operation);
            where.Append(" AND name = {operation:String}");
        }

        if (query.MinDurationNs is { } min)
        {
            parameters.AddParameter("min", min);
            where.Append(" AND duration_ns >= {min:Int64}");
        }

        if (query.MaxDurationNs is { } max)
        {
            parameters.AddParameter("max", max);
            where.Append(" AND duration_ns <= {max:Int64}");
        }

        var i = 0;
        foreach (var (key, value) in query.Tags ?? new Dictionary<string, string>())
        {
            parameters.AddParameter($"k{i}", key);
            parameters.AddParameter($"v{i}", value);
            where.Append(CultureInfo.InvariantCulture, $$"""
                 AND ((has(attr_keys, {k{{i}}:String}) AND attr_values[indexOf(attr_keys, {k{{i}}:String})] = {v{{i}}:String})
                   OR (has(res_keys, {k{{i}}:String}) AND res_values[indexOf(res_keys, {k{{i}}:String})] = {v{{i}}:String}))
                """);
            i++;
        }

        return where.ToString();
    }

    private static Span ReadSpan(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        (SpanKind)Long(r, 5),
        Long(r, 6),
        Long(r, 7),
        (SpanStatus)Long(r, 8),
        r.IsDBNull(9) ? null : r.GetString(9),
        AttributeColumns.ToDictionary((string[])r.GetValue(10), (string[])r.GetValue(11), (byte[])r.GetValue(12)),
        AttributeColumns.ToDictionary((string[])r.GetValue(13), (string[])r.GetValue(14), (byte[])r.GetValue(15)),
        SpanJson.ReadEvents(r.GetString(16)),
        SpanJson.ReadLinks(r.GetString(17)));

    private static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    private async Task ReadAsync(string sql, ClickHouseParameterCollection parameters, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        using var reader = await _client.ExecuteReaderAsync(sql, parameters, cancellationToken: cancellationToken);
        while (reader.Read())
        {
            row(reader);
        }
    }
}
