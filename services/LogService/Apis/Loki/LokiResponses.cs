using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AirisEpm.LogService.LogQl.Syntax;

namespace AirisEpm.LogService.Apis.Loki;

/// <summary><c>{"status":"success","data":{"resultType":…,"result":…,"stats":{…}}}</c>: what Loki's query endpoints answer.</summary>
public sealed record LokiQueryResponse(string Status, LokiQueryData Data);

/// <summary><see cref="Result"/> is a list of <see cref="LokiStreamView"/>, <see cref="LokiSeriesView"/> or <see cref="LokiSampleView"/>, or one <see cref="LokiPoint"/> for a scalar.</summary>
public sealed record LokiQueryData(string ResultType, object Result, LokiStats Stats);

/// <summary>One stream: its labels and its lines as <c>["&lt;unix ns&gt;", "line"]</c> pairs.</summary>
public sealed record LokiStreamView(IReadOnlyDictionary<string, string> Stream, IReadOnlyList<LokiEntry> Values);

/// <summary>One series of a matrix: its labels and its samples as <c>[&lt;unix seconds&gt;, "value"]</c> pairs.</summary>
public sealed record LokiSeriesView(IReadOnlyDictionary<string, string> Metric, IReadOnlyList<LokiPoint> Values);

/// <summary>One sample of a vector.</summary>
public sealed record LokiSampleView(IReadOnlyDictionary<string, string> Metric, LokiPoint Value);

/// <summary><c>{"status":"success","data":[…]}</c>: labels, label values, series.</summary>
public sealed record LokiListResponse<T>(string Status, IReadOnlyList<T> Data);

/// <summary><c>/index/stats</c> answers bare, without the status envelope, as Loki does.</summary>
public sealed record LokiIndexStats(long Streams, long Chunks, long Bytes, long Entries);

/// <summary>One pattern of <c>/patterns</c> (Loki 3.x): its text with <c>&lt;_&gt;</c> placeholders, its level and <c>[unix seconds, count]</c> samples.</summary>
public sealed record LokiPatternView(string Pattern, string Level, IReadOnlyList<long[]> Samples);

/// <summary>Prometheus's <c>/status/buildinfo</c> shape, which Grafana reads to learn the Loki version it talks to.</summary>
public sealed record LokiBuildInfo(string Version, string Revision, string Branch, string BuildUser, string BuildDate, string GoVersion);

/// <summary>Loki's <c>stats.summary</c>, the part of its statistics Grafana shows.</summary>
public sealed record LokiStats(LokiStatsSummary Summary);

public sealed record LokiStatsSummary(
    long BytesProcessedPerSecond, long LinesProcessedPerSecond, long TotalBytesProcessed, long TotalLinesProcessed,
    double ExecTime, double QueueTime, long Subqueries, long TotalEntriesReturned, long Splits, long Shards,
    long TotalPostFilterLines, long TotalStructuredMetadataBytesProcessed);

/// <summary>A line: written <c>["1700000000000000000", "the line"]</c>.</summary>
[JsonConverter(typeof(LokiEntryConverter))]
public readonly record struct LokiEntry(long TimestampNs, string Line);

/// <summary>A sample: written <c>[1700000000.123, "42"]</c>, the value as Go formats floats (<c>+Inf</c>, <c>NaN</c>).</summary>
[JsonConverter(typeof(LokiPointConverter))]
public readonly record struct LokiPoint(long TimestampNs, double Value);

internal sealed class LokiEntryConverter : JsonConverter<LokiEntry>
{
    public override LokiEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Loki entries are written, not read.");

    public override void Write(Utf8JsonWriter writer, LokiEntry value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.TimestampNs.ToString(CultureInfo.InvariantCulture));
        writer.WriteStringValue(value.Line);
        writer.WriteEndArray();
    }
}

internal sealed class LokiPointConverter : JsonConverter<LokiPoint>
{
    public override LokiPoint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Loki samples are written, not read.");

    public override void Write(Utf8JsonWriter writer, LokiPoint value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteRawValue(LokiTime.Seconds(value.TimestampNs), skipInputValidation: true);
        writer.WriteStringValue(PlainNumber.Format(value.Value));
        writer.WriteEndArray();
    }
}
