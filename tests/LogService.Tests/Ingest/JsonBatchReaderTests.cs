using System.Text;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Ingest;
using AirisEpm.LogService.Ingest.Json;
using AirisEpm.Protocols.Ingest;
using CsCheck;

namespace AirisEpm.LogService.Tests.Ingest;

public sealed class JsonBatchReaderTests
{
    private const long Received = 1_700_000_000_000_000_000;

    private static (List<LogRecord> Records, IDictionary<string, string[]> Problems) Read(string body)
    {
        var problems = new IngestProblems();
        var records = JsonBatchReader.Read(Encoding.UTF8.GetBytes(body), Received, problems);
        return (records, problems.ToDictionary());
    }

    [Fact]
    public void An_array_of_records_keeps_every_known_key_and_the_rest_as_fields()
    {
        var (records, problems) = Read("""
            [{"timestamp":"2026-12-01T10:00:00.5Z","level":"WARNING","message":"slow","service":"api",
              "trace_id":"4BF92F3577B34DA6A3CE929D0E0E4736","span_id":"00f067aa0ba902b7","labels":{"env":"prod"},
              "user":{"id":42,"name":"ann"},"duration_ms":12.5,"ok":true,"stack_trace":"at X"}]
            """);

        Assert.Empty(problems);
        var record = Assert.Single(records);
        Assert.Equal(DateTimeOffset.Parse("2026-12-01T10:00:00.5Z").ToUnixTimeMilliseconds() * 1_000_000, record.TimestampNs);
        Assert.Equal(Severity.Warn, record.Level);
        Assert.Equal("api", record.Service);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", record.TraceId);
        Assert.Equal("prod", record.Labels["env"]);
        Assert.Equal("42", record.Fields["user.id"]);
        Assert.Equal("ann", record.Fields["user.name"]);
        Assert.Equal("12.5", record.Fields["duration_ms"]);
        Assert.Equal("true", record.Fields["ok"]);
        Assert.Equal("at X", record.StackTrace);
    }

    [Theory]
    [InlineData(1_700_000_000L, 1_700_000_000_000_000_000L)]
    [InlineData(1_700_000_000_123L, 1_700_000_000_123_000_000L)]
    [InlineData(1_700_000_000_123_456L, 1_700_000_000_123_456_000L)]
    [InlineData(1_700_000_000_123_456_789L, 1_700_000_000_123_456_789L)]
    public void Numeric_timestamps_are_told_apart_by_size(long value, long expectedNs)
    {
        var (records, problems) = Read($$"""{"timestamp":{{value}},"message":"m"}""");
        Assert.Empty(problems);
        Assert.Equal(expectedNs, Assert.Single(records).TimestampNs);
    }

    [Fact]
    public void Ndjson_lines_are_records_and_a_missing_timestamp_is_the_receive_time()
    {
        var (records, problems) = Read("{\"message\":\"a\"}\n\n{\"message\":\"b\",\"level\":17}\r\n");
        Assert.Empty(problems);
        Assert.Equal(["a", "b"], records.Select(r => r.Message));
        Assert.Equal(Received, records[0].TimestampNs);
        Assert.Equal(Severity.Error, records[1].Level);
        Assert.Equal(ServiceNames.Unknown, records[0].Service);
    }

    [Theory]
    [InlineData("[{\"level\":\"info\"}]", "[0].message")]
    [InlineData("[{\"message\":\"m\"},{\"message\":5}]", "[1].message")]
    [InlineData("[{\"message\":\"m\",\"timestamp\":\"yesterday\"}]", "[0].timestamp")]
    [InlineData("[{\"message\":\"m\",\"level\":\"loud\"}]", "[0].level")]
    [InlineData("[{\"message\":\"m\",\"trace_id\":\"xyz\"}]", "[0].trace_id")]
    [InlineData("[{\"message\":\"m\",\"trace_id\":\"00000000000000000000000000000000\"}]", "[0].trace_id")]
    [InlineData("[{\"message\":\"m\",\"labels\":{\"env\":1}}]", "[0].labels.env")]
    [InlineData("[1]", "[0]")]
    [InlineData("{\"message\":\"ok\"}\n{broken", "[1]")]
    [InlineData("[{\"message\":\"m\"}", "body")]
    [InlineData("   ", "body")]
    public void Problems_name_the_record_and_the_field(string body, string path)
    {
        var (_, problems) = Read(body);
        Assert.Contains(path, problems.Keys);
    }

    [Fact]
    public void Random_and_mutated_bodies_never_throw()
    {
        var valid = Encoding.UTF8.GetBytes("""[{"timestamp":1700000000,"level":"info","message":"m","labels":{"a":"b"},"x":{"y":[1,2]}}]""");
        var mutated = Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte).Array[1, 6].Select(edits =>
        {
            var copy = (byte[])valid.Clone();
            foreach (var (at, value) in edits) copy[at] = value;
            return copy;
        });
        Gen.OneOf(Gen.Byte.Array[0, 200], mutated).Sample(bytes => JsonBatchReader.Read(bytes, Received, new IngestProblems()), iter: 5000);
    }
}
