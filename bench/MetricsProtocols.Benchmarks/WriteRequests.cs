using System.Globalization;
using Google.Protobuf;

namespace AirisEpm.MetricsProtocols.Benchmarks;

/// <summary>
/// A realistic remote_write batch: <c>seriesCount</c> series of node-exporter shape (name + 6 labels),
/// each with <c>samplesPerSeries</c> samples, written with the protobuf runtime.
/// </summary>
public static class WriteRequests
{
    public static byte[] Build(int seriesCount, int samplesPerSeries)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        for (var s = 0; s < seriesCount; s++)
        {
            var series = new MemoryStream();
            var seriesOutput = new CodedOutputStream(series);
            string[][] labels =
            [
                ["__name__", "node_cpu_seconds_total"], ["cpu", (s % 64).ToString(CultureInfo.InvariantCulture)],
                ["instance", $"node-{s / 64}:9100"], ["job", "node"], ["mode", "user"], ["region", "eu-west-1"],
                ["series", s.ToString(CultureInfo.InvariantCulture)],
            ];
            foreach (var label in labels)
            {
                seriesOutput.WriteTag(1, WireFormat.WireType.LengthDelimited);
                seriesOutput.WriteBytes(Pair(label[0], label[1]));
            }

            for (var i = 0; i < samplesPerSeries; i++)
            {
                var sample = new MemoryStream();
                var sampleOutput = new CodedOutputStream(sample);
                sampleOutput.WriteTag(1, WireFormat.WireType.Fixed64);
                sampleOutput.WriteDouble(s * 1.5 + i);
                sampleOutput.WriteTag(2, WireFormat.WireType.Varint);
                sampleOutput.WriteInt64(1_800_000_000_000 + i * 15_000L);
                sampleOutput.Flush();
                seriesOutput.WriteTag(2, WireFormat.WireType.LengthDelimited);
                seriesOutput.WriteBytes(ByteString.CopyFrom(sample.ToArray()));
            }

            seriesOutput.Flush();
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(series.ToArray()));
        }

        output.Flush();
        return stream.ToArray();
    }

    private static ByteString Pair(string name, string value)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteString(name);
        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
        output.Flush();
        return ByteString.CopyFrom(stream.ToArray());
    }
}
