using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace AirisEpm.TraceService.Storage.DuckDb;

/// <summary>
/// Writes encoded frames (<see cref="SpanRowCodec"/>) to <c>spans</c> and <c>trace_ranges</c> in one transaction:
/// the rows sorted by trace id (then start), numbered on from the last <c>seq</c>, so the spans of one trace in one
/// transaction are the consecutive rows <c>[min_seq, max_seq]</c>, which is the one row <c>trace_ranges</c> gets for
/// that trace. Texts go to the appender as their UTF-8 bytes, so no .NET string is made per span, and the row's own
/// bytes become <c>row</c>, the one column reads decode spans from. Called on the writer connection only
/// (<see cref="DuckDbStorage.DuckDbWriter"/> serialises it).
/// </summary>
internal sealed class SpanRowsApply
{
    private long _nextSeq = 1;

    public void ReadNextSequence(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(seq), 0) + 1 FROM spans";
        _nextSeq = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Appends every row of <paramref name="frames"/> and commits.</summary>
    public void Apply(DuckDBConnection connection, IReadOnlyList<ReadOnlyMemory<byte>> frames)
    {
        var before = _nextSeq;
        try
        {
            using var transaction = connection.BeginTransaction();
            Append(connection, frames);
            transaction.Commit();
        }
        catch
        {
            _nextSeq = before; // rolled back: the numbers are free again
            throw;
        }
    }

    /// <summary>Appends inside the caller's transaction (the schema migration copies in one); the caller undoes the numbering if it rolls back.</summary>
    public void Append(DuckDBConnection connection, IReadOnlyList<ReadOnlyMemory<byte>> frames)
    {
        var rows = new SpanRow[frames.Count][];
        var count = 0;
        for (var f = 0; f < frames.Count; f++)
        {
            rows[f] = SpanRowCodec.Decode(frames[f].Span);
            count += rows[f].Length;
        }

        var order = new (int Frame, int Row)[count];
        var n = 0;
        for (var f = 0; f < rows.Length; f++)
        {
            for (var r = 0; r < rows[f].Length; r++) order[n++] = (f, r);
        }

        Array.Sort(order, (a, b) =>
        {
            var (x, y) = (rows[a.Frame][a.Row], rows[b.Frame][b.Row]);
            var byTrace = Text(frames[a.Frame], x.TraceId).SequenceCompareTo(Text(frames[b.Frame], y.TraceId));
            return byTrace != 0 ? byTrace : x.StartNs.CompareTo(y.StartNs);
        });

        var seq = _nextSeq;
        var ranges = new List<(int Frame, TextRange TraceId, long MinSeq, long MaxSeq, long MaxStart)>();
        using (var appender = connection.CreateAppender("spans"))
        {
            foreach (var (f, r) in order)
            {
                var frame = frames[f];
                var row = rows[f][r];
                var traceId = Text(frame, row.TraceId);
                if (ranges.Count > 0 && Text(frames[ranges[^1].Frame], ranges[^1].TraceId).SequenceEqual(traceId))
                {
                    ranges[^1] = ranges[^1] with { MaxSeq = seq, MaxStart = Math.Max(ranges[^1].MaxStart, row.StartNs) };
                }
                else
                {
                    ranges.Add((f, row.TraceId, seq, seq, row.StartNs));
                }

                var append = appender.CreateRow().AppendValue(seq++).AppendValue(traceId).AppendValue(Text(frame, row.SpanId));
                append = row.ParentSpanId.Length == 0 ? append.AppendNullValue() : append.AppendValue(Text(frame, row.ParentSpanId));
                append.AppendValue(Text(frame, row.Service)).AppendValue(Text(frame, row.Name)).AppendValue((sbyte)row.Kind)
                    .AppendValue(row.StartNs).AppendValue(row.DurationNs).AppendValue((sbyte)row.Status)
                    .AppendValue(Text(frame, row.Attributes)).AppendValue(Text(frame, row.Resource)).AppendValue(Text(frame, row.Whole)).EndRow();
            }
        }

        using (var appender = connection.CreateAppender("trace_ranges"))
        {
            foreach (var (f, traceId, min, max, maxStart) in ranges)
            {
                appender.CreateRow().AppendValue(Text(frames[f], traceId)).AppendValue(min).AppendValue(max).AppendValue(maxStart).EndRow();
            }
        }

        _nextSeq = seq;
    }

    /// <summary>
    /// The bytes of one text, as the writable span DuckDB.NET's appender takes (it only reads them). Slicing from the
    /// frame keeps an empty text non-null, so it is stored as '' and not as NULL.
    /// </summary>
    private static Span<byte> Text(ReadOnlyMemory<byte> frame, TextRange range) =>
        MemoryMarshal.AsMemory(frame).Span.Slice(range.Offset, range.Length);
}
