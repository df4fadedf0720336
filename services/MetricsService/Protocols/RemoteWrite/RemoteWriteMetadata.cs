using AirisEpm.Protocols;
using AirisEpm.MetricsService.Domain;

namespace AirisEpm.MetricsService.Protocols.RemoteWrite;

/// <summary>
/// The metric types a WriteRequest's metadata declares, per family name. Prometheus sends metadata
/// in its own requests most of the time, so a series without metadata is <see cref="MetricType.Unknown"/>.
/// </summary>
internal static class RemoteWriteMetadata
{
    private static readonly string[] FamilySuffixes = ["_bucket", "_sum", "_count", "_total", "_created"];

    /// <summary>The declared types, and how many TimeSeries the request holds (to size the decoder's output once).</summary>
    public static Dictionary<string, MetricType>? ReadTypes(ReadOnlySpan<byte> writeRequest, out int seriesCount)
    {
        Dictionary<string, MetricType>? types = null;
        seriesCount = 0;
        var reader = new ProtobufReader(writeRequest);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field != 3 || wireType != ProtobufReader.LengthDelimited)
            {
                seriesCount += field == 1 ? 1 : 0;
                reader.Skip(wireType);
                continue;
            }

            var (family, type) = ReadOne(reader.ReadBytes());
            if (family.Length > 0)
            {
                types ??= new Dictionary<string, MetricType>(StringComparer.Ordinal);
                types[family] = type;
            }
        }

        return types;
    }

    public static MetricType TypeOf(string seriesName, Dictionary<string, MetricType>? types)
    {
        if (types is null)
        {
            return MetricType.Unknown;
        }

        if (types.TryGetValue(seriesName, out var exact))
        {
            return exact;
        }

        foreach (var suffix in FamilySuffixes)
        {
            if (seriesName.EndsWith(suffix, StringComparison.Ordinal)
                && types.TryGetValue(seriesName[..^suffix.Length], out var family))
            {
                return family;
            }
        }

        return MetricType.Unknown;
    }

    private static (string Family, MetricType Type) ReadOne(ReadOnlySpan<byte> bytes)
    {
        var family = "";
        var type = MetricType.Unknown;
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1 && wireType == ProtobufReader.Varint)
            {
                // prometheus.MetricMetadata.MetricType: 1 counter, 2 gauge, 3 histogram, 4 gaugehistogram, 5 summary.
                type = reader.ReadVarint() switch
                {
                    1 => MetricType.Counter,
                    2 => MetricType.Gauge,
                    3 or 4 => MetricType.Histogram,
                    5 => MetricType.Summary,
                    _ => MetricType.Unknown,
                };
            }
            else if (field == 2 && wireType == ProtobufReader.LengthDelimited)
            {
                family = reader.ReadString();
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return (family, type);
    }
}
