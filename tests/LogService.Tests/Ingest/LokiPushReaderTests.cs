using System.Text;
using AirisEpm.LogService.Ingest;
using AirisEpm.LogService.Ingest.Loki;
using AirisEpm.LogService.Ingest.Loki.Proto;
using AirisEpm.Protocols;
using AirisEpm.Protocols.Ingest;
using CsCheck;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace AirisEpm.LogService.Tests.Ingest;

public sealed class LokiPushReaderTests
{
    private const string Valid = """
        {"streams":[{"stream":{"job":"api","env":"prod"},"values":[
          ["1700000000000000001","GET /users 200"],
          ["1700000000000000002","boom",{"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","user":"42"}]]}]}
        """;

    [Fact]
    public void Json_streams_become_records_with_labels_service_and_metadata()
    {
        var problems = new IngestProblems();
        var records = LokiPushJsonReader.Read(Encoding.UTF8.GetBytes(Valid), problems);

        Assert.False(problems.Any);
        Assert.Equal(2, records.Count);
        Assert.Equal(1_700_000_000_000_000_001, records[0].TimestampNs);
        Assert.Equal("api", records[0].Service);
        Assert.Equal("prod", records[0].Labels["env"]);
        Assert.Equal("boom", records[1].Message);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", records[1].TraceId);
        Assert.Equal("42", records[1].Fields["user"]);
    }

    [Theory]
    [InlineData("{\"streams\":[{\"stream\":{},\"values\":[[\"x\",\"l\"]]}]}", "streams[0].values[0][0]")]
    [InlineData("{\"streams\":[{\"stream\":{},\"values\":[[\"1\",7]]}]}", "streams[0].values[0][1]")]
    [InlineData("{\"streams\":[{\"stream\":{\"a\":1},\"values\":[]}]}", "streams[0].stream")]
    [InlineData("{\"streams\":[{\"values\":[[\"1\"]]}]}", "streams[0].values[0]")]
    [InlineData("{\"streams\":[{\"stream\":{}}]}", "streams[0].values")]
    [InlineData("{\"streams\":[{\"stream\":{},\"values\":[[\"1\",\"l\",{\"k\":[]}]]}]}", "streams[0].values[0][2]")]
    [InlineData("[]", "streams")]
    [InlineData("{not json", "body")]
    public void Json_problems_are_named_by_path(string body, string path)
    {
        var problems = new IngestProblems();
        LokiPushJsonReader.Read(Encoding.UTF8.GetBytes(body), problems);
        Assert.Contains(path, problems.ToDictionary().Keys);
    }

    [Fact]
    public void Protobuf_push_requests_become_records()
    {
        var request = new PushRequest();
        var stream = new StreamAdapter { Labels = "{app=\"shop\", env=\"dev\"}" };
        stream.Entries.Add(new EntryAdapter
        {
            Timestamp = new Timestamp { Seconds = 1_700_000_000, Nanos = 5 },
            Line = "checkout failed",
            StructuredMetadata = { new LabelPairAdapter { Name = "span_id", Value = "00f067aa0ba902b7" } },
        });
        request.Streams.Add(stream);

        var problems = new IngestProblems();
        var records = LokiPushProtobufReader.Read(request.ToByteArray(), problems);

        Assert.False(problems.Any);
        var record = Assert.Single(records);
        Assert.Equal(1_700_000_000_000_000_005, record.TimestampNs);
        Assert.Equal("shop", record.Service);
        Assert.Equal("00f067aa0ba902b7", record.SpanId);
    }

    [Fact]
    public void Protobuf_problems_are_named_by_path()
    {
        var request = new PushRequest();
        request.Streams.Add(new StreamAdapter { Labels = "job=\"x\"", Entries = { new EntryAdapter { Line = "l", Timestamp = new Timestamp { Seconds = 1 } } } });
        request.Streams.Add(new StreamAdapter { Labels = "{job=\"x\"}", Entries = { new EntryAdapter { Line = "no time" } } });
        var problems = new IngestProblems();
        LokiPushProtobufReader.Read(request.ToByteArray(), problems);

        var paths = problems.ToDictionary().Keys;
        Assert.Contains("streams[0].labels", paths);
        Assert.Contains("streams[1].entries[0].timestamp", paths);
    }

    [Fact]
    public void A_truncated_protobuf_body_is_malformed()
    {
        var bytes = new PushRequest { Streams = { new StreamAdapter { Labels = "{a=\"b\"}", Entries = { new EntryAdapter { Line = "hello world" } } } } }.ToByteArray();
        Assert.Throws<MalformedPayloadException>(() => LokiPushProtobufReader.Read(bytes.AsSpan(0, bytes.Length - 3), new IngestProblems()));
    }

    [Theory]
    [InlineData("{}", 0, null)]
    [InlineData("{job=\"api\"}", 1, null)]
    [InlineData(" { a = \"1\" , b=\"x\\\"y\" } ", 2, null)]
    [InlineData("{a=\"1\",}", 1, null)]
    [InlineData("job=\"api\"", 0, "starts with '{'")]
    [InlineData("{a=1}", 0, "double-quoted")]
    [InlineData("{a=\"1\" b=\"2\"}", 0, "',' or '}'")]
    [InlineData("{a=\"1\",a=\"2\"}", 0, "appears twice")]
    [InlineData("{a=\"1\"", 0, "not closed")]
    [InlineData("{1a=\"1\"}", 0, "label name")]
    public void Label_sets_parse_or_say_why_not(string text, int count, string? problem)
    {
        var labels = LokiLabels.Parse(text, out var reason);
        if (problem is null)
        {
            Assert.NotNull(labels);
            Assert.Equal(count, labels.Count);
        }
        else
        {
            Assert.Null(labels);
            Assert.Contains(problem, reason);
        }
    }

    [Fact]
    public void Random_and_mutated_bodies_never_throw_anything_but_malformed_payload()
    {
        var valid = Encoding.UTF8.GetBytes(Valid);
        var protobuf = new PushRequest { Streams = { new StreamAdapter { Labels = "{a=\"b\"}", Entries = { new EntryAdapter { Line = "x", Timestamp = new Timestamp { Seconds = 9 } } } } } }.ToByteArray();
        var mutate = (byte[] source) => Gen.Select(Gen.Int[0, source.Length - 1], Gen.Byte).Array[1, 6].Select(edits =>
        {
            var copy = (byte[])source.Clone();
            foreach (var (at, value) in edits) copy[at] = value;
            return copy;
        });

        Gen.OneOf(Gen.Byte.Array[0, 300], mutate(valid), mutate(protobuf)).Sample(bytes =>
        {
            LokiPushJsonReader.Read(bytes, new IngestProblems());
            try
            {
                LokiPushProtobufReader.Read(bytes, new IngestProblems());
            }
            catch (MalformedPayloadException)
            {
            }
        }, iter: 5000);
        Gen.String.Sample(text => LokiLabels.Parse(text, out _), iter: 5000);
    }
}
