using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Prometheus.SideData;
using AirisEpm.Protocols;
using PromLabel = AirisEpm.PromQl.Model.Label;

namespace AirisEpm.MetricsService.Protocols.RemoteWrite;

/// <summary>
/// What a remote_write 1.0 <c>WriteRequest</c> carries besides samples, for Prometheus's metadata and exemplar APIs:
/// <code>
/// WriteRequest   { repeated TimeSeries timeseries = 1; repeated MetricMetadata metadata = 3; }
/// TimeSeries     { repeated Label labels = 1; ...; repeated Exemplar exemplars = 3; }
/// Exemplar       { repeated Label labels = 1; double value = 2; int64 timestamp = 3; }
/// MetricMetadata { MetricType type = 1; string metric_family_name = 2; string help = 4; string unit = 5; }
/// </code>
/// Read after <see cref="RemoteWriteDecoder"/> accepted the request, so the framing is known to be sound. A series'
/// labels are read only when it has exemplars. An exemplar whose labels are longer than Prometheus's 128 characters
/// is left out, as Prometheus leaves it out; so is one that does not decode: the samples still count.
/// </summary>
public static class RemoteWriteExtras
{
    public const int MaxExemplarLabelsLength = 128;

    public static (List<MetricMetadata> Metadata, List<StoredExemplar> Exemplars) Decode(ReadOnlySpan<byte> writeRequest)
    {
        var metadata = new List<MetricMetadata>();
        var exemplars = new List<StoredExemplar>();
        var reader = new ProtobufReader(writeRequest);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1 && wireType == ProtobufReader.LengthDelimited)
            {
                ReadSeriesExemplars(reader.ReadBytes(), exemplars);
            }
            else if (field == 3 && wireType == ProtobufReader.LengthDelimited)
            {
                var bytes = reader.ReadBytes();
                try
                {
                    if (ReadMetadata(bytes) is { } one)
                    {
                        metadata.Add(one);
                    }
                }
                catch (MalformedPayloadException)
                {
                    // Metadata that does not decode is left out, as a bad exemplar is.
                }
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return (metadata, exemplars);
    }

    private static void ReadSeriesExemplars(ReadOnlySpan<byte> series, List<StoredExemplar> exemplars)
    {
        if (!HasField(series, 3))
        {
            return;
        }

        string? name = null;
        var labels = new List<Label>();
        var reader = new ProtobufReader(series);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1 && wireType == ProtobufReader.LengthDelimited)
            {
                var (labelName, value) = ReadLabel(reader.ReadBytes());
                if (labelName == PrometheusNames.MetricNameLabel)
                {
                    name = value;
                }
                else if (value.Length > 0)
                {
                    labels.Add(new Label(labelName, value));
                }
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        var seriesId = LabelSet.FromUnsorted([.. labels]).SeriesId(name);
        reader = new ProtobufReader(series);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 3 && wireType == ProtobufReader.LengthDelimited)
            {
                var bytes = reader.ReadBytes();
                try
                {
                    if (ReadExemplar(bytes, seriesId) is { } exemplar)
                    {
                        exemplars.Add(exemplar);
                    }
                }
                catch (MalformedPayloadException)
                {
                    // Not an exemplar Prometheus would have sent: left out, the samples still count.
                }
            }
            else
            {
                reader.Skip(wireType);
            }
        }
    }

    private static StoredExemplar? ReadExemplar(ReadOnlySpan<byte> bytes, long seriesId)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var value = 0d;
        var timestamp = 0L;
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1 when wireType == ProtobufReader.LengthDelimited:
                    var (name, text) = ReadLabel(reader.ReadBytes());
                    if (name.Length > 0 && text.Length > 0)
                    {
                        labels[name] = text;
                    }

                    break;
                case 2 when wireType == ProtobufReader.Fixed64:
                    value = reader.ReadDouble();
                    break;
                case 3 when wireType == ProtobufReader.Varint:
                    timestamp = (long)reader.ReadVarint();
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        var length = labels.Sum(l => l.Key.EnumerateRunes().Count() + l.Value.EnumerateRunes().Count());
        return length > MaxExemplarLabelsLength
            ? null
            : new StoredExemplar(seriesId, [.. labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new PromLabel(l.Key, l.Value))], value, timestamp);
    }

    private static MetricMetadata? ReadMetadata(ReadOnlySpan<byte> bytes)
    {
        ulong type = 0;
        string family = "", help = "", unit = "";
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1 when wireType == ProtobufReader.Varint:
                    type = reader.ReadVarint();
                    break;
                case 2 when wireType == ProtobufReader.LengthDelimited:
                    family = reader.ReadString();
                    break;
                case 4 when wireType == ProtobufReader.LengthDelimited:
                    help = reader.ReadString();
                    break;
                case 5 when wireType == ProtobufReader.LengthDelimited:
                    unit = reader.ReadString();
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return family.Length == 0 ? null : new MetricMetadata(family, MetricMetadata.TypeName(type), help, unit);
    }

    private static (string Name, string Value) ReadLabel(ReadOnlySpan<byte> bytes)
    {
        string name = "", value = "";
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1 && wireType == ProtobufReader.LengthDelimited)
            {
                name = reader.ReadString();
            }
            else if (field == 2 && wireType == ProtobufReader.LengthDelimited)
            {
                value = reader.ReadString();
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return (name, value);
    }

    private static bool HasField(ReadOnlySpan<byte> message, int wanted)
    {
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == wanted)
            {
                return true;
            }

            reader.Skip(wireType);
        }

        return false;
    }
}
