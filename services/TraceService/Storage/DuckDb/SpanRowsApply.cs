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
    /// <summary>
    /// DuckDB's appender keeps the rows appended to it in a collection of its own until it holds 204,800 of them or is
    /// closed, and only then copies them into the transaction: a batch of 131,072 spans was in DuckDB's memory twice at
    /// its end. An appender per 16,384 rows holds an eighth of a batch at most (bench/TraceIngest.Benchmarks/README.md).
    /// </summary>
    private const int RowsPerAppender = 16_384;

    // Reused from batch to batch (one apply at a time): a batch's rows, sort keys and trace ranges, made anew for every
    // transaction of 131,072 spans, were about 24 MB of large-object-heap garbage each.
    private readonly List<SpanRow> _rows = [];
    private readonly List<(int Frame, TextRange TraceId, long MinSeq, long MaxSeq, long MaxStart)> _ranges = [];
    private RowKey[] _order = [];
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
        _rows.Clear();
        var frameOf = new int[frames.Count + 1]; // frame f's rows are _rows[frameOf[f]..frameOf[f + 1]]
        for (var f = 0; f < frames.Count; f++)
        {
            frameOf[f] = _rows.Count;
            SpanRowCodec.Decode(frames[f].Span, _rows);
        }

        frameOf[frames.Count] = _rows.Count;
        var rows = CollectionsMarshal.AsSpan(_rows);

        // Sorted on a key made once per row (the trace id's first 16 bytes, then its start): comparing the ids' bytes in
        // the frames on every comparison cost more than the append itself.
        if (_order.Length < rows.Length) _order = new RowKey[rows.Length];
        var order = _order.AsSpan(0, rows.Length);
        for (var f = 0; f < frames.Count; f++)
        {
            var frame = frames[f].Span;
            for (var r = frameOf[f]; r < frameOf[f + 1]; r++)
            {
                var traceId = frame.Slice(rows[r].TraceId.Offset, rows[r].TraceId.Length);
                order[r] = new RowKey(Prefix(traceId, 0), Prefix(traceId, 8), Prefix(traceId, 16), Prefix(traceId, 24), rows[r].StartNs, f, r);
            }
        }

        order.Sort();
        for (var i = 1; i < order.Length; i++)
        {
            // Ids are 32 hex digits, so equal keys are equal ids; a longer id (never written by this store) is kept apart by bytes.
            if (order[i].SameTrace(order[i - 1]) && !TraceIdOf(frames, order[i]).SequenceEqual(TraceIdOf(frames, order[i - 1])))
            {
                order.Sort((a, b) =>
                {
                    var byTrace = TraceIdOf(frames, a).SequenceCompareTo(TraceIdOf(frames, b));
                    return byTrace != 0 ? byTrace : a.CompareTo(b);
                });
                break;
            }
        }

        var seq = _nextSeq;
        _ranges.Clear();
        var appender = connection.CreateAppender("spans");
        try
        {
            for (var i = 0; i < order.Length; i++)
            {
                if (i > 0 && i % RowsPerAppender == 0)
                {
                    appender.Dispose(); // hands its rows to the transaction
                    appender = connection.CreateAppender("spans");
                }

                var key = order[i];
                var frame = frames[key.Frame];
                ref readonly var row = ref rows[key.Row];
                var traceId = Text(frame, row.TraceId);
                if (_ranges.Count > 0 && Text(frames[_ranges[^1].Frame], _ranges[^1].TraceId).SequenceEqual(traceId))
                {
                    _ranges[^1] = _ranges[^1] with { MaxSeq = seq, MaxStart = Math.Max(_ranges[^1].MaxStart, row.StartNs) };
                }
                else
                {
                    _ranges.Add((key.Frame, row.TraceId, seq, seq, row.StartNs));
                }

                var append = appender.CreateRow().AppendValue(seq++).AppendValue(traceId).AppendValue(Text(frame, row.SpanId));
                append = row.ParentSpanId.Length == 0 ? append.AppendNullValue() : append.AppendValue(Text(frame, row.ParentSpanId));
                append.AppendValue(Text(frame, row.Service)).AppendValue(Text(frame, row.Name)).AppendValue((sbyte)row.Kind)
                    .AppendValue(row.StartNs).AppendValue(row.DurationNs).AppendValue((sbyte)row.Status)
                    .AppendValue(Text(frame, row.Attributes)).AppendValue(Text(frame, row.Resource)).AppendValue(Text(frame, row.Whole)).EndRow();
            }
        }
        finally
        {
            appender.Dispose();
        }

        using (var ranges = connection.CreateAppender("trace_ranges"))
        {
            foreach (var (f, traceId, min, max, maxStart) in _ranges)
            {
                ranges.CreateRow().AppendValue(Text(frames[f], traceId)).AppendValue(min).AppendValue(max).AppendValue(maxStart).EndRow();
            }
        }

        _nextSeq = seq;
    }

    /// <summary>Lets the reused arrays go (the backlog is empty): the next batch makes them again at its own size.</summary>
    public void ReleaseScratch()
    {
        _rows.Clear();
        _rows.TrimExcess();
        _ranges.Clear();
        _ranges.TrimExcess();
        _order = [];
    }

    private ReadOnlySpan<byte> TraceIdOf(IReadOnlyList<ReadOnlyMemory<byte>> frames, RowKey key) =>
        frames[key.Frame].Span.Slice(_rows[key.Row].TraceId.Offset, _rows[key.Row].TraceId.Length);

    /// <summary>Eight bytes of the id from <paramref name="at"/>, big-endian (so keys order as the bytes do), zero past its end.</summary>
    private static ulong Prefix(ReadOnlySpan<byte> id, int at)
    {
        Span<byte> eight = stackalloc byte[8];
        eight.Clear();
        if (at < id.Length) id[at..Math.Min(id.Length, at + 8)].CopyTo(eight);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(eight);
    }

    /// <summary>A row's place in the batch (its frame, its index among the batch's rows) and what it is sorted by.</summary>
    private readonly record struct RowKey(ulong A, ulong B, ulong C, ulong D, long StartNs, int Frame, int Row) : IComparable<RowKey>
    {
        public bool SameTrace(RowKey other) => A == other.A && B == other.B && C == other.C && D == other.D;

        public int CompareTo(RowKey other)
        {
            var c = A.CompareTo(other.A);
            if (c == 0) c = B.CompareTo(other.B);
            if (c == 0) c = C.CompareTo(other.C);
            if (c == 0) c = D.CompareTo(other.D);
            return c != 0 ? c : StartNs.CompareTo(other.StartNs);
        }
    }

    /// <summary>
    /// The bytes of one text, as the writable span DuckDB.NET's appender takes (it only reads them). Slicing from the
    /// frame keeps an empty text non-null, so it is stored as '' and not as NULL.
    /// </summary>
    private static Span<byte> Text(ReadOnlyMemory<byte> frame, TextRange range) =>
        MemoryMarshal.AsMemory(frame).Span.Slice(range.Offset, range.Length);
}
