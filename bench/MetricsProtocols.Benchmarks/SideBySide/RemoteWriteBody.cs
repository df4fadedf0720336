using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using AirisEpm.Benchmarks;

namespace AirisEpm.MetricsProtocols.Benchmarks.SideBySide;

/// <summary>
/// Snappy-compressed remote_write 1.0 WriteRequests written by hand (the label bytes of a series are encoded once
/// and reused, so preparing millions of samples takes seconds). Series are of node-exporter shape, name and seven
/// labels; <c>sender</c> keeps each load generator's series its own, so each sends them in time order.
/// </summary>
internal static class RemoteWriteBody
{
    public const string Path = "/api/v1/write";

    /// <summary>The encoded labels of series <paramref name="series"/> of <paramref name="sender"/>, as one TimeSeries' field-1 entries.</summary>
    public static byte[] SeriesLabels(int sender, int series, string metric = "node_cpu_seconds_total")
    {
        var output = new ArrayBufferWriter<byte>(256);
        string[][] labels =
        [
            ["__name__", metric], ["cpu", (series % 64).ToString(CultureInfo.InvariantCulture)],
            ["instance", $"node-{series / 64}:9100"], ["job", "node"], ["mode", "user"], ["region", "eu-west-1"],
            ["sender", sender.ToString(CultureInfo.InvariantCulture)], ["series", series.ToString(CultureInfo.InvariantCulture)],
        ];
        foreach (var label in labels)
        {
            var name = Encoding.UTF8.GetBytes(label[0]);
            var value = Encoding.UTF8.GetBytes(label[1]);
            var pairLength = 1 + VarintLength(name.Length) + name.Length + 1 + VarintLength(value.Length) + value.Length;
            Tag(output, 1, 2);
            Varint(output, (ulong)pairLength);
            Tag(output, 1, 2);
            Bytes(output, name);
            Tag(output, 2, 2);
            Bytes(output, value);
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>One request: every series of <paramref name="seriesLabels"/> with one sample at <paramref name="timestampMs"/>.</summary>
    public static RequestBody Build(IReadOnlyList<byte[]> seriesLabels, long timestampMs, double valueBase)
    {
        var output = new ArrayBufferWriter<byte>(seriesLabels.Count * 160);
        Span<byte> sample = stackalloc byte[20];
        for (var s = 0; s < seriesLabels.Count; s++)
        {
            sample[0] = (1 << 3) | 1; // value, fixed64
            BinaryPrimitives.WriteDoubleLittleEndian(sample[1..], valueBase + s);
            sample[9] = 2 << 3; // timestamp, varint
            var sampleLength = 10 + WriteVarint(sample[10..], (ulong)timestampMs);
            var labels = seriesLabels[s];
            var seriesLength = labels.Length + 1 + VarintLength(sampleLength) + sampleLength;
            Tag(output, 1, 2);
            Varint(output, (ulong)seriesLength);
            output.Write(labels);
            Tag(output, 2, 2);
            Varint(output, (ulong)sampleLength);
            output.Write(sample[..sampleLength]);
        }

        return new RequestBody(Path, "application/x-protobuf", Snappier.Snappy.CompressToArray(output.WrittenSpan), seriesLabels.Count, "snappy");
    }

    private static void Tag(ArrayBufferWriter<byte> output, int field, int wireType) => Varint(output, (ulong)((field << 3) | wireType));

    private static void Bytes(ArrayBufferWriter<byte> output, byte[] bytes)
    {
        Varint(output, (ulong)bytes.Length);
        output.Write(bytes);
    }

    private static void Varint(ArrayBufferWriter<byte> output, ulong value)
    {
        var span = output.GetSpan(10);
        output.Advance(WriteVarint(span, value));
    }

    private static int WriteVarint(Span<byte> span, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        return i;
    }

    private static int VarintLength(int value)
    {
        var length = 1;
        for (var v = (uint)value; v >= 0x80; v >>= 7)
        {
            length++;
        }

        return length;
    }
}
