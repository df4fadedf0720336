using AirisEpm.AlertService.Domain.PrometheusRules;
using Google.Protobuf;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>
/// A Prometheus remote_write 1.0 <c>WriteRequest</c> of samples at one timestamp, snappy-compressed as the protocol
/// sends it. The value travels as its 64 bits, so a stale marker (<see cref="PromQl.Model.StaleMarker"/>) arrives as one,
/// which no JSON spelling can carry. Labels are sorted by name as the protocol requires; each family is declared a gauge
/// (what rule output is), as the JSON ingest declared it.
/// <code>
/// WriteRequest   { repeated TimeSeries timeseries = 1; repeated MetricMetadata metadata = 3; }
/// TimeSeries     { repeated Label labels = 1; repeated Sample samples = 2; }
/// Label          { string name = 1; string value = 2; }        Sample { double value = 1; int64 timestamp = 2; }
/// MetricMetadata { MetricType type = 1; string metric_family_name = 2; }   // GAUGE = 2
/// </code>
/// </summary>
public static class RemoteWriteRequest
{
    public const string ContentType = "application/x-protobuf";
    public const string ContentEncoding = "snappy";
    public const string VersionHeader = "X-Prometheus-Remote-Write-Version";
    public const string Version = "0.1.0";
    private const int Gauge = 2;

    public static byte[] Encode(IReadOnlyList<PromSample> samples, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var ms = timestamp.ToUnixTimeMilliseconds();
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        foreach (var sample in samples)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(Message(series =>
            {
                foreach (var (name, value) in sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
                {
                    series.WriteTag(1, WireFormat.WireType.LengthDelimited);
                    series.WriteBytes(Message(label => Strings(label, name, value)));
                }

                series.WriteTag(2, WireFormat.WireType.LengthDelimited);
                series.WriteBytes(Message(point =>
                {
                    point.WriteTag(1, WireFormat.WireType.Fixed64);
                    point.WriteDouble(sample.Value);
                    point.WriteTag(2, WireFormat.WireType.Varint);
                    point.WriteInt64(ms);
                }));
            }));
        }

        foreach (var family in samples.Select(s => s.Labels.GetValueOrDefault("__name__", "")).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal))
        {
            output.WriteTag(3, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(Message(metadata =>
            {
                metadata.WriteTag(1, WireFormat.WireType.Varint);
                metadata.WriteEnum(Gauge);
                metadata.WriteTag(2, WireFormat.WireType.LengthDelimited);
                metadata.WriteString(family);
            }));
        }

        output.Flush();
        return Snappier.Snappy.CompressToArray(stream.ToArray());
    }

    private static void Strings(CodedOutputStream output, string name, string value)
    {
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteString(name);
        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    private static ByteString Message(Action<CodedOutputStream> write)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        write(output);
        output.Flush();
        return ByteString.CopyFrom(stream.ToArray());
    }
}
