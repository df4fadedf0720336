using System.Data.Common;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>The column lists of <c>spans</c> that reads select, and the rows they give back as spans and heads.</summary>
internal static class DuckDbSpanRows
{
    public const string SpanColumns = """
        trace_id, span_id, parent_span_id, service, name, kind, start_ns, duration_ns, status, status_message,
        attr_keys, attr_values, attr_types, res_keys, res_values, res_types, events, links
        """;

    public const string HeadColumns = "trace_id, span_id, parent_span_id, service, name, kind, start_ns, duration_ns, status";

    public static Span ReadSpan(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        (SpanKind)r.GetFieldValue<sbyte>(5),
        r.GetInt64(6),
        r.GetInt64(7),
        (SpanStatus)r.GetFieldValue<sbyte>(8),
        r.IsDBNull(9) ? null : r.GetString(9),
        AttributeColumns.ToDictionary(r.GetFieldValue<List<string>>(10), r.GetFieldValue<List<string>>(11), r.GetFieldValue<List<byte>>(12)),
        AttributeColumns.ToDictionary(r.GetFieldValue<List<string>>(13), r.GetFieldValue<List<string>>(14), r.GetFieldValue<List<byte>>(15)),
        SpanJson.ReadEvents(r.GetString(16)),
        SpanJson.ReadLinks(r.GetString(17)));

    public static SpanHead ReadHead(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        (SpanKind)r.GetFieldValue<sbyte>(5),
        r.GetInt64(6),
        r.GetInt64(7),
        r.GetFieldValue<sbyte>(8) == (sbyte)SpanStatus.Error);
}
