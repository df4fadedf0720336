using System.Text;
using DuckDB.NET.Data;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// Trace search in three statements: the newest matching trace ids (a scan of the window's row groups only,
/// the conditions on the same span); their <c>seq</c> ranges from <c>trace_ranges</c>; their span heads from the
/// <c>row</c> column, one range read per trace range (UNION ALL), so spans of a trace outside the window are found
/// without a full scan.
/// The summaries are built by <see cref="TraceSummaries"/>, as for every store.
/// </summary>
public sealed partial class DuckDbTraceStore
{
    public async Task<IReadOnlyList<TraceSummary>> SearchAsync(TraceQuery query, CancellationToken cancellationToken)
    {
        if (query.Limit <= 0 || query.EndNs <= query.StartNs)
        {
            return [];
        }

        await _writeAhead.WaitAppliedAsync(cancellationToken);
        var (where, parameters) = Conditions(query);
        var ids = new List<string>();
        await _readers.ReadAsync(
            Sql($"SELECT trace_id, max(start_ns) AS newest FROM spans WHERE {where} GROUP BY trace_id ORDER BY newest DESC, trace_id LIMIT {query.Limit}"),
            c => c.Parameters.AddRange(parameters),
            r => ids.Add(r.GetString(0)),
            cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var ranges = await RangesAsync(ids, cancellationToken);
        var known = ids.Where(ranges.ContainsKey).ToList();
        var heads = new List<SpanHead>();
        await _readers.ReadAsync(InRanges(known.SelectMany(id => ranges[id])), null, r => heads.Add(DuckDbSpanRows.ReadHead(r)), cancellationToken);
        return TraceSummaries.Build(heads, ids); // summarises the traces of ids only
    }

    /// <summary>
    /// The WHERE clause of one span matching every condition: window and durations as literals, service,
    /// operation and tags as parameters. A tag matches the span's attribute or its resource attribute.
    /// </summary>
    private static (string Where, List<DuckDBParameter> Parameters) Conditions(TraceQuery query)
    {
        var where = new StringBuilder(Sql($"start_ns >= {query.StartNs} AND start_ns < {query.EndNs}"));
        var parameters = new List<DuckDBParameter>();
        if (query.Service is not null)
        {
            where.Append(" AND service = $service");
            parameters.Add(new DuckDBParameter("service", query.Service));
        }

        if (query.Operation is not null)
        {
            where.Append(" AND name = $operation");
            parameters.Add(new DuckDBParameter("operation", query.Operation));
        }

        if (query.MinDurationNs is { } min)
        {
            where.Append(Sql($" AND duration_ns >= {min}"));
        }

        if (query.MaxDurationNs is { } max)
        {
            where.Append(Sql($" AND duration_ns <= {max}"));
        }

        var i = 0;
        foreach (var (key, value) in query.Tags ?? new Dictionary<string, string>())
        {
            where.Append(Sql($" AND (contains(attributes, $tag{i}) OR contains(resource, $tag{i}))"));
            parameters.Add(new DuckDBParameter($"tag{i}", AttributeText.Pattern(key, value)));
            i++;
        }

        return (where.ToString(), parameters);
    }
}
