using AirisEpm.TraceService.Domain;
using DuckDB.NET.Data;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// The write path: one transaction per batch, the spans and the batch's <c>trace_index</c> rows appended with
/// the Appender (no statement to parse, columnar chunks). Durability: DuckDB's COMMIT writes the
/// transaction to the write-ahead log and fsyncs it before it returns (<c>WriteAheadLog::Flush</c> ends with
/// <c>writer->Sync()</c>); a process or machine crash after that replays the WAL on the next open. The WAL is
/// checkpointed into the database file automatically once it passes <c>checkpoint_threshold</c> (16 MB by
/// default) and at close; that bounds replay time and is not needed for durability. So when
/// <see cref="WriteAsync"/> returns, the spans survive a crash.
/// </summary>
public sealed partial class DuckDbTraceStore
{
    public async Task WriteAsync(IReadOnlyList<Span> spans, CancellationToken cancellationToken)
    {
        if (spans.Count == 0)
        {
            return;
        }

        var bounds = new Dictionary<string, (long Min, long Max)>(StringComparer.Ordinal);
        foreach (var span in spans)
        {
            bounds[span.TraceId] = bounds.TryGetValue(span.TraceId, out var b)
                ? (Math.Min(b.Min, span.StartNs), Math.Max(b.Max, span.StartNs))
                : (span.StartNs, span.StartNs);
        }

        await _writer.WriteAsync(connection =>
        {
            using var transaction = connection.BeginTransaction();
            using (var appender = connection.CreateAppender("spans"))
            {
                foreach (var span in spans)
                {
                    AppendSpan(appender, span);
                }
            }

            using (var index = connection.CreateAppender("trace_index"))
            {
                foreach (var (traceId, (min, max)) in bounds)
                {
                    index.CreateRow().AppendValue(traceId).AppendValue(min).AppendValue(max).EndRow();
                }
            }

            transaction.Commit();
        }, cancellationToken);
    }

    private static void AppendSpan(DuckDBAppender appender, Span span)
    {
        var attributes = AttributeColumns.From(span.Attributes);
        var resource = AttributeColumns.From(span.Resource);
        var row = appender.CreateRow().AppendValue(span.TraceId).AppendValue(span.SpanId);
        row = span.ParentSpanId is null ? row.AppendNullValue() : row.AppendValue(span.ParentSpanId);
        row = row.AppendValue(span.Service).AppendValue(span.Name).AppendValue((sbyte)span.Kind)
            .AppendValue(span.StartNs).AppendValue(span.DurationNs).AppendValue((sbyte)span.Status);
        row = span.StatusMessage is null ? row.AppendNullValue() : row.AppendValue(span.StatusMessage);
        row.AppendValue<string>(attributes.Keys).AppendValue<string>(attributes.Values).AppendValue<byte>(attributes.Types)
            .AppendValue<string>(resource.Keys).AppendValue<string>(resource.Values).AppendValue<byte>(resource.Types)
            .AppendValue(SpanJson.Events(span.Events)).AppendValue(SpanJson.Links(span.Links))
            .EndRow();
    }
}
