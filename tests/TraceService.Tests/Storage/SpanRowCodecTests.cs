using System.Text;
using AirisEpm.Protocols;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Storage.DuckDb;
using AirisEpm.TraceService.Tests.Ingest;
using CsCheck;
using static AirisEpm.TraceService.Tests.Storage.Spans;

namespace AirisEpm.TraceService.Tests.Storage;

/// <summary>The embedded store's write-ahead log frames: every field comes back, and damaged bytes are invalid data.</summary>
public sealed class SpanRowCodecTests
{
    [Fact]
    public void Every_field_of_every_row_is_where_the_rows_say()
    {
        var events = new List<SpanEvent> { new(At(1), "retry", new Dictionary<string, AttributeValue> { ["n"] = new(AttributeType.Int, "2") }) };
        var links = new List<SpanLink> { new(Trace(9), Id(9), new Dictionary<string, AttributeValue>()) };
        Span[] spans =
        [
            Make(1, 1, status: SpanStatus.Error, attributes: Tags(("http.route", "/cart/{id}"), ("é", "ü"))) with { Events = events, Links = links },
            Make(1, 2, 1, service: "cart", name: "", kind: SpanKind.Client, startMs: 5, durationMs: 0),
        ];
        var bytes = Encode(spans);
        var rows = SpanRowCodec.Decode(bytes);

        Assert.Equal(2, rows.Length);
        string Text(TextRange r) => Encoding.UTF8.GetString(bytes, r.Offset, r.Length);
        var (first, second) = (rows[0], rows[1]);
        Assert.Equal((Trace(1), Id(1), "", "checkout", "GET /cart"), (Text(first.TraceId), Text(first.SpanId), Text(first.ParentSpanId), Text(first.Service), Text(first.Name)));
        Assert.Equal(((byte)SpanKind.Server, At(0), 10_000_000L, (byte)SpanStatus.Error, "boom"), (first.Kind, first.StartNs, first.DurationNs, first.Status, Text(first.StatusMessage!.Value)));
        Assert.Equal("/cart/{id}", AttributeText.Read(Text(first.Attributes))["http.route"].Text);
        Assert.Equal("checkout", AttributeText.Read(Text(first.Resource))["service.name"].Text);
        var whole = SpanRowCodec.ReadSpan(bytes.AsSpan(first.Whole.Offset, first.Whole.Length));
        var retry = Assert.Single(whole.Events);
        Assert.Equal((At(1), "retry", new AttributeValue(AttributeType.Int, "2")), (retry.TimeNs, retry.Name, retry.Attributes["n"]));
        Assert.Equal((Trace(9), Id(9)), (Assert.Single(whole.Links).TraceId, whole.Links[0].SpanId));
        Assert.Equal((Id(1), "", (byte)SpanKind.Client, 0L, (TextRange?)null), (Text(second.ParentSpanId), Text(second.Name), second.Kind, second.DurationNs, second.StatusMessage));
        Assert.Equal((1, 1), (second.Events.Length, second.Links.Length)); // a count of zero each
    }

    [Fact]
    public void A_row_alone_reads_back_as_the_span_and_its_head()
    {
        var span = Make(3, 4, 2, status: SpanStatus.Error, attributes: Tags(("k", "v"))) with
        {
            Events = [new SpanEvent(At(2), "e", new Dictionary<string, AttributeValue>())],
        };
        var bytes = Encode([span, Make(3, 5)]);
        var row = SpanRowCodec.Decode(bytes)[0];
        var alone = bytes.AsSpan(row.Whole.Offset, row.Whole.Length);

        var read = SpanRowCodec.ReadSpan(alone);
        Assert.Equal((span.TraceId, span.SpanId, span.ParentSpanId, span.Service, span.Name, span.Kind, span.StartNs, span.DurationNs, span.Status, span.StatusMessage),
            (read.TraceId, read.SpanId, read.ParentSpanId, read.Service, read.Name, read.Kind, read.StartNs, read.DurationNs, read.Status, read.StatusMessage));
        Assert.Equal(span.Attributes, read.Attributes);
        Assert.Equal(span.Resource, read.Resource);
        Assert.Equal("e", Assert.Single(read.Events).Name);
        var head = SpanRowCodec.ReadHead(alone);
        Assert.Equal((span.TraceId, span.SpanId, true), (head.TraceId, head.SpanId, head.IsError));
        Assert.Throws<InvalidDataException>(() => SpanRowCodec.ReadSpan(bytes.AsSpan(row.Whole.Offset, row.Whole.Length + 1)));
    }

    [Fact]
    public void Random_spans_read_back_from_their_rows_as_written()
    {
        var text = Gen.String[0, 40];
        var map = Gen.Dictionary(text, text.Select(AttributeValue.Of))[0, 4];
        var spans = Gen.Select(Gen.Int[1, 1000], text, text.Null(), map, Gen.Select(Gen.Long[0, long.MaxValue / 4], text, map).Array[0, 3], Gen.Long[0, long.MaxValue / 4])
            .Select((n, name, message, attributes, events, start) => Make(n, n + 1, n % 3 == 0 ? null : n + 2, name: name, startMs: 0, attributes: attributes) with
            {
                StartNs = start,
                StatusMessage = message,
                Events = [.. events.Select(e => new SpanEvent(e.Item1, e.Item2, e.Item3))],
            })
            .Array[1, 5];
        spans.Sample(batch =>
        {
            var bytes = Encode(batch);
            var rows = SpanRowCodec.Decode(bytes);
            for (var i = 0; i < batch.Length; i++)
            {
                var read = SpanRowCodec.ReadSpan(bytes.AsSpan(rows[i].Whole.Offset, rows[i].Whole.Length));
                var span = batch[i];
                Assert.Equal((span.TraceId, span.SpanId, span.ParentSpanId, span.Name, span.StartNs, span.StatusMessage), (read.TraceId, read.SpanId, read.ParentSpanId, read.Name, read.StartNs, read.StatusMessage));
                Assert.Equal(span.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal), read.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal));
                Assert.Equal(span.Events.Select(e => (e.TimeNs, e.Name, e.Attributes.Count)), read.Events.Select(e => (e.TimeNs, e.Name, e.Attributes.Count)));
            }
        }, iter: 1000);
    }

    [Fact]
    public void Cut_or_mutated_frames_are_invalid_data_or_rows_inside_the_frame()
    {
        var valid = Encode([Make(1, 1, attributes: Tags(("a", "b"))), Make(1, 2, 1)]);
        Gen.OneOf(Ingest.ParserPropertyTests.Truncated(valid), Ingest.ParserPropertyTests.Mutated(valid), Gen.Byte.Array[0, 100]).Sample(bytes =>
        {
            SpanRow[] rows;
            try
            {
                rows = SpanRowCodec.Decode(bytes);
            }
            catch (InvalidDataException)
            {
                return;
            }

            foreach (var row in rows)
            {
                foreach (var range in new[] { row.TraceId, row.SpanId, row.ParentSpanId, row.Service, row.Name, row.Attributes, row.Resource, row.Events, row.Links })
                {
                    Assert.InRange(range.Offset + range.Length, 0, bytes.Length);
                }
            }
        }, iter: 5000);
    }

    private static byte[] Encode(IReadOnlyList<Span> spans)
    {
        using var buffer = new PooledBuffer(64);
        SpanRowCodec.Encode(spans, buffer);
        return buffer.Span.ToArray();
    }
}
