using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Ingest;
using AirisEpm.LogService.Ingest.Otlp;
using AirisEpm.Protocols.Ingest;
using AirisEpm.Protocols.Otlp.Proto;
using Google.Protobuf;
using ProtoLogRecord = AirisEpm.Protocols.Otlp.Proto.LogRecord;

namespace AirisEpm.LogService.Tests.Ingest;

public sealed class OtlpLogConverterTests
{
    private static KeyValue Attribute(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };

    private static ExportLogsServiceRequest Request(params ProtoLogRecord[] logs)
    {
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "Shop.Checkout" } };
        scope.LogRecords.AddRange(logs);
        var resource = new ResourceLogs { Resource = new Resource { Attributes = { Attribute("service.name", "checkout"), Attribute("host.name", "web-1") } } };
        resource.ScopeLogs.Add(scope);
        return new ExportLogsServiceRequest { ResourceLogs = { resource } };
    }

    [Fact]
    public void Resource_attributes_are_labels_and_log_attributes_fields()
    {
        var log = new ProtoLogRecord
        {
            TimeUnixNano = 1_700_000_000_000_000_123,
            SeverityNumber = SeverityNumber.Warn,
            SeverityText = "Warning",
            Body = new AnyValue { StringValue = "payment slow" },
            TraceId = ByteString.CopyFrom(Convert.FromHexString("4bf92f3577b34da6a3ce929d0e0e4736")),
            SpanId = ByteString.CopyFrom(Convert.FromHexString("00f067aa0ba902b7")),
            Attributes = { Attribute("order.id", "o-17"), Attribute("exception.stacktrace", "at Pay()") },
        };

        var problems = new IngestProblems();
        var record = Assert.Single(OtlpLogConverter.Convert(Request(log), 1, problems));

        Assert.False(problems.Any);
        Assert.Equal(1_700_000_000_000_000_123, record.TimestampNs);
        Assert.Equal(Severity.Warn, record.Level);
        Assert.Equal("payment slow", record.Message);
        Assert.Equal("checkout", record.Service);
        Assert.Equal("web-1", record.Labels["host.name"]);
        Assert.Equal("o-17", record.Fields["order.id"]);
        Assert.Equal("Shop.Checkout", record.Fields["otel.scope.name"]);
        Assert.Equal("at Pay()", record.StackTrace);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", record.TraceId);
        Assert.Equal("00f067aa0ba902b7", record.SpanId);
    }

    [Fact]
    public void Severity_text_is_used_without_a_number_and_a_structured_body_gives_its_message()
    {
        var body = new AnyValue { KvlistValue = new KeyValueList { Values = { Attribute("msg", "user signed in"), Attribute("user", "ann") } } };
        var log = new ProtoLogRecord { ObservedTimeUnixNano = 5, SeverityText = "ERR", Body = body };

        var record = Assert.Single(OtlpLogConverter.Convert(Request(log), 1, new IngestProblems()));

        Assert.Equal(Severity.Error, record.Level);
        Assert.Equal("user signed in", record.Message);
        Assert.Equal("ann", record.Fields["body.user"]);
        Assert.Equal(5, record.TimestampNs);
    }

    [Fact]
    public void Ids_of_the_wrong_length_are_problems_named_by_path()
    {
        var log = new ProtoLogRecord { Body = new AnyValue { StringValue = "x" }, TraceId = ByteString.CopyFrom(1, 2, 3) };
        var problems = new IngestProblems();
        Assert.Empty(OtlpLogConverter.Convert(Request(log), 1, problems));
        Assert.Contains("resourceLogs[0].scopeLogs[0].logRecords[0].traceId", problems.ToDictionary().Keys);
    }
}
