using System.Globalization;
using System.Text;
using System.Text.Json;
using AirisEpm.Benchmarks;
using AirisEpm.LogService.Ingest.Loki.Proto;
using AirisEpm.Protocols.Otlp.Proto;
using Google.Protobuf.WellKnownTypes;
using Google.Protobuf;

namespace AirisEpm.LogIngest.Benchmarks;

/// <summary>The four wire formats, each with the same synthetic lines (<see cref="SyntheticLines"/>) from line <c>first</c> on.</summary>
internal static class RequestBodies
{
    public static RequestBody Ndjson(int first, int lines)
    {
        var text = new StringBuilder();
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        for (var i = first; i < first + lines; i++)
        {
            var (level, service, message) = SyntheticLines.Make(i);
            text.Append(CultureInfo.InvariantCulture, $"{{\"timestamp\":\"{now}\",\"level\":\"{level}\",\"service\":\"{service}\",\"message\":{JsonSerializer.Serialize(message)},\"user_id\":\"u-{i % 1000}\"}}\n");
        }

        return new("/api/v1/logs", "application/x-ndjson", Encoding.UTF8.GetBytes(text.ToString()), lines);
    }

    public static RequestBody PlainText(int first, int lines)
    {
        var text = new StringBuilder();
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);
        for (var i = first; i < first + lines; i++)
        {
            var (level, service, message) = SyntheticLines.Make(i);
            text.Append(CultureInfo.InvariantCulture, $"{now} [worker-{i % 4}] {level.ToUpperInvariant()} com.shop.{service} - {message}\n");
        }

        return new("/api/v1/logs/raw?service=shop", "text/plain", Encoding.UTF8.GetBytes(text.ToString()), lines);
    }

    public static RequestBody Otlp(int first, int lines)
    {
        var scopes = new ScopeLogs();
        var nowNs = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        for (var i = first; i < first + lines; i++)
        {
            var (level, _, message) = SyntheticLines.Make(i);
            scopes.LogRecords.Add(new LogRecord
            {
                TimeUnixNano = nowNs + (ulong)i,
                SeverityNumber = level switch { "error" => SeverityNumber.Error, "warn" => SeverityNumber.Warn, "debug" => SeverityNumber.Debug, _ => SeverityNumber.Info },
                SeverityText = level,
                Body = new AnyValue { StringValue = message },
                Attributes = { new KeyValue { Key = "user_id", Value = new AnyValue { StringValue = $"u-{i % 1000}" } } },
            });
        }

        var export = new ExportLogsServiceRequest
        {
            ResourceLogs = { new ResourceLogs
            {
                Resource = new Resource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = SyntheticLines.Services[first % 5] } } } },
                ScopeLogs = { scopes },
            } },
        };
        return new("/v1/logs", "application/x-protobuf", export.ToByteArray(), lines);
    }

    public static RequestBody Loki(int first, int lines)
    {
        var stream = new StreamAdapter { Labels = $"{{job=\"promtail\",service=\"{SyntheticLines.Services[first % 5]}\"}}" };
        var now = DateTimeOffset.UtcNow;
        for (var i = first; i < first + lines; i++)
        {
            var (level, _, message) = SyntheticLines.Make(i);
            stream.Entries.Add(new EntryAdapter { Timestamp = Timestamp.FromDateTimeOffset(now.AddTicks(i)), Line = $"level={level} msg=\"{message}\"" });
        }

        var push = new PushRequest { Streams = { stream } };
        return new("/loki/api/v1/push", "application/x-protobuf", Snappier.Snappy.CompressToArray(push.ToByteArray()), lines);
    }
}
