using System.Data.Common;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>The column lists of <c>spans</c> that reads select, and the rows they give back as spans and heads.</summary>
internal static class DuckDbSpanRows
{
    public const string SpanColumns = """
        trace_id, span_id, parent_span_id, service, name, kind, start_ns, duration_ns, status, status_message,
        attributes, resource, events, links
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
        AttributeText.Read(r.GetString(10)),
        AttributeText.Read(r.GetString(11)),
        SpanJson.ReadEvents(r.GetString(12)),
        SpanJson.ReadLinks(r.GetString(13)));

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
