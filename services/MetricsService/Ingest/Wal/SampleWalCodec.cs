using System.Buffers.Binary;
using System.Text;
using AirisEpm.MetricsService.Domain;
using AirisEpm.Protocols;
using AirisEpm.ServiceDefaults.WriteAhead;

namespace AirisEpm.MetricsService.Ingest.Wal;

/// <summary>
/// The payload of one write-ahead log frame: one acknowledged batch of samples.
/// <code>
///   byte     version (1)
///   varint   series definitions that follow
///     fixed64  series id      byte  type      string  name
///     varint   labels, each:  string name  string value
///   varint   samples that follow
///     fixed64  series id      varint  zigzag(timestamp - previous sample's timestamp)      fixed64  value bits
///   (string: varint byte length, then UTF-8)
/// </code>
/// A series is defined in the frame of the first batch that brings it since the store last knew it, so a
/// steady stream costs 18–26 bytes per sample; replay resolves ids from the definitions read so far and from the
/// store's own series. Values are kept bit for bit (NaN payloads such as Prometheus's stale marker included).
/// </summary>
public static class SampleWalCodec
{
    private const byte Version = 1;

    /// <summary>Encodes <paramref name="samples"/>, defining the series of <paramref name="newSeries"/> (one sample of each), into a pooled buffer.</summary>
    public static PooledBuffer Encode(IReadOnlyList<MetricSample> samples, IReadOnlyList<MetricSample> newSeries)
    {
        var bound = 11 + samples.Count * 26;
        foreach (var series in newSeries)
        {
            bound += 19 + MaxBytes(series.Name);
            foreach (var label in series.Labels.Labels)
            {
                bound += 10 + MaxBytes(label.Name) + MaxBytes(label.Value);
            }
        }

        var buffer = new PooledBuffer(bound);
        var output = buffer.GetWritable(bound);
        var at = 0;
        output[at++] = Version;
        at += Varint(output[at..], (ulong)newSeries.Count);
        foreach (var series in newSeries)
        {
            BinaryPrimitives.WriteInt64LittleEndian(output[at..], series.SeriesId);
            at += 8;
            output[at++] = (byte)series.Type;
            at += String(output[at..], series.Name);
            at += Varint(output[at..], (ulong)series.Labels.Count);
            foreach (var label in series.Labels.Labels)
            {
                at += String(output[at..], label.Name);
                at += String(output[at..], label.Value);
            }
        }

        at += Varint(output[at..], (ulong)samples.Count);
        var previous = 0L;
        foreach (var sample in samples)
        {
            BinaryPrimitives.WriteInt64LittleEndian(output[at..], sample.SeriesId);
            at += 8;
            var delta = sample.TimestampMs - previous;
            at += Varint(output[at..], (ulong)((delta << 1) ^ (delta >> 63)));
            previous = sample.TimestampMs;
            BinaryPrimitives.WriteInt64LittleEndian(output[at..], BitConverter.DoubleToInt64Bits(sample.Value));
            at += 8;
        }

        buffer.SetLength(at);
        return buffer;
    }

    /// <summary>
    /// Adds the payload's samples to <paramref name="output"/>. Its definitions are added to <paramref name="series"/>
    /// (which holds the store's series and those of earlier frames); returns how many samples named a series
    /// defined nowhere (skipped). Throws <see cref="InvalidDataException"/> when the payload is not this format.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> payload, Dictionary<long, SeriesDefinition> series, List<MetricSample> output)
    {
        var reader = new PayloadReader(payload, "a write-ahead log payload");
        if (reader.ReadByte() != Version)
        {
            throw new InvalidDataException("unknown write-ahead log payload version");
        }

        for (var n = reader.ReadCount(); n > 0; n--)
        {
            var id = reader.ReadInt64();
            var type = (MetricType)reader.ReadByte();
            if (!Enum.IsDefined(type))
            {
                throw new InvalidDataException($"unknown metric type {(int)type} in a write-ahead log payload");
            }

            var name = reader.ReadString();
            var labels = new Label[reader.ReadCount()];
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = new Label(reader.ReadString(), reader.ReadString());
            }

            var labelSet = LabelSet.FromUnsorted(labels);
            if (labelSet.SeriesId(name) != id)
            {
                throw new InvalidDataException($"the definition of series {id} in a write-ahead log payload does not hash to its id");
            }

            series[id] = new SeriesDefinition(name, labelSet, type);
        }

        var unknown = 0;
        var timestamp = 0L;
        for (var n = reader.ReadCount(); n > 0; n--)
        {
            var id = reader.ReadInt64();
            var zigzag = reader.ReadVarint();
            timestamp += (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
            var value = BitConverter.Int64BitsToDouble(reader.ReadInt64());
            if (series.TryGetValue(id, out var known))
            {
                output.Add(new MetricSample(known.Name, known.Labels, id, timestamp, value, known.Type));
            }
            else
            {
                unknown++;
            }
        }

        if (!reader.End)
        {
            throw new InvalidDataException("trailing bytes after the samples of a write-ahead log payload");
        }

        return unknown;
    }

    private static int MaxBytes(string text) => 5 + Encoding.UTF8.GetMaxByteCount(text.Length);

    private static int String(Span<byte> output, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var at = Varint(output, (ulong)length);
        return at + Encoding.UTF8.GetBytes(text, output[at..]);
    }

    private static int Varint(Span<byte> output, ulong value)
    {
        var at = 0;
        while (value >= 0x80)
        {
            output[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        output[at++] = (byte)value;
        return at;
    }
}

/// <summary>What replay needs to know of a series besides its id.</summary>
public sealed record SeriesDefinition(string Name, LabelSet Labels, MetricType Type);
