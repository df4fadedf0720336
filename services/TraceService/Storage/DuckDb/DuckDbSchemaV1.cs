using AirisEpm.Protocols;
using AirisEpm.TraceService.Domain;
using DuckDB.NET.Data;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// Schema version 1 (attribute maps as three LIST columns each, start bounds in <c>trace_index</c>), kept only to
/// copy its rows into version 2: renamed aside, read in rowid chunks, written through the same apply as new spans
/// (<see cref="SpanRowsApply"/>), dropped. Runs inside the migration's transaction.
/// </summary>
internal static class DuckDbSchemaV1
{
    private const string Columns = """
        trace_id, span_id, parent_span_id, service, name, kind, start_ns, duration_ns, status, status_message,
        attr_keys, attr_values, attr_types, res_keys, res_values, res_types, events, links
        """;

    private const int Chunk = 32_768;

    public static void CopyToVersion2(DuckDBConnection connection, Action<string> execute)
    {
        execute("ALTER TABLE spans RENAME TO spans_v1; DROP TABLE trace_index;");
        execute(DuckDbTraceSchema.Version2Tables);
        var apply = new SpanRowsApply();
        long last;
        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT coalesce(max(rowid), -1) FROM spans_v1";
            last = Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        for (var from = 0L; from <= last; from += Chunk)
        {
            var spans = Read(connection, from, from + Chunk);
            if (spans.Count == 0) continue;
            using var frame = new PooledBuffer(spans.Count * 512);
            SpanRowCodec.Encode(spans, frame);
            apply.Append(connection, [frame.Memory]);
        }

        execute("DROP TABLE spans_v1;");
    }

    private static List<Span> Read(DuckDBConnection connection, long from, long to)
    {
        var spans = new List<Span>();
        using var command = connection.CreateCommand();
        command.CommandText = FormattableString.Invariant($"SELECT {Columns} FROM spans_v1 WHERE rowid >= {from} AND rowid < {to}");
        using var r = command.ExecuteReader();
        while (r.Read())
        {
            spans.Add(new Span(
                r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetString(4),
                (SpanKind)r.GetFieldValue<sbyte>(5), r.GetInt64(6), r.GetInt64(7), (SpanStatus)r.GetFieldValue<sbyte>(8),
                r.IsDBNull(9) ? null : r.GetString(9),
                Map(r.GetFieldValue<List<string>>(10), r.GetFieldValue<List<string>>(11), r.GetFieldValue<List<byte>>(12)),
                Map(r.GetFieldValue<List<string>>(13), r.GetFieldValue<List<string>>(14), r.GetFieldValue<List<byte>>(15)),
                SpanJson.ReadEvents(r.GetString(16)), SpanJson.ReadLinks(r.GetString(17))));
        }

        return spans;
    }

    private static Dictionary<string, AttributeValue> Map(List<string> keys, List<string> values, List<byte> types)
    {
        var map = new Dictionary<string, AttributeValue>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++) map[keys[i]] = new AttributeValue((AttributeType)types[i], values[i]);
        return map;
    }
}
