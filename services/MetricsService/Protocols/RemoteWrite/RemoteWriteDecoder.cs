using AirisEpm.Protocols;
using AirisEpm.MetricsService.Domain;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Protocols.RemoteWrite;

/// <summary>
/// Decodes an uncompressed Prometheus remote_write 1.0 <c>WriteRequest</c> straight off the wire:
/// <code>
/// WriteRequest   { repeated TimeSeries timeseries = 1; repeated MetricMetadata metadata = 3; }
/// TimeSeries     { repeated Label labels = 1; repeated Sample samples = 2;
///                  repeated Exemplar exemplars = 3; repeated Histogram histograms = 4; }
/// Label          { string name = 1; string value = 2; }
/// Sample         { double value = 1; int64 timestamp = 2; }   // timestamp in ms
/// MetricMetadata { MetricType type = 1; string metric_family_name = 2; string help = 4; string unit = 5; }
/// </code>
/// One name and one <see cref="LabelSet"/> per series are shared by all its samples, and across requests through
/// the <see cref="SeriesCache"/> (a series seen before costs a hash of its label bytes, not a decode). Exemplars and
/// native histograms are skipped; metadata only supplies the type.
/// A request is accepted whole or rejected whole (<see cref="MalformedPayloadException"/>).
/// </summary>
public sealed class RemoteWriteDecoder(IOptions<ProtocolOptions> options)
{
    private readonly ProtocolOptions _options = options.Value;
    private readonly SeriesCache _cache = new(options.Value.MaxCachedSeries);

    /// <summary>Series held by the cross-request series cache.</summary>
    internal int CachedSeries => _cache.Count;

    public List<MetricSample> Decode(ReadOnlySpan<byte> writeRequest)
    {
        var types = RemoteWriteMetadata.ReadTypes(writeRequest, out var seriesCount);
        var samples = new List<MetricSample>(seriesCount); // Prometheus sends one sample per series and request
        var reader = new ProtobufReader(writeRequest);
        var seriesIndex = 0;
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1)
            {
                reader.Expect(wireType, ProtobufReader.LengthDelimited, "timeseries");
                DecodeSeries(reader.ReadBytes(), seriesIndex++, types, samples);
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return samples;
    }

    private void DecodeSeries(ReadOnlySpan<byte> series, int index, Dictionary<string, MetricType>? types, List<MetricSample> samples)
    {
        var (start, end) = LabelRun(series);
        var (name, labels, id) = Identify(series, start < 0 ? [] : series[start..end], index);
        var type = RemoteWriteMetadata.TypeOf(name, types);
        // Senders write the labels first: then the samples are looked for after them only.
        var reader = new ProtobufReader(start == 0 ? series[end..] : series);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field != 2)
            {
                reader.Skip(wireType);
                continue;
            }

            reader.Expect(wireType, ProtobufReader.LengthDelimited, "samples");
            var (value, timestamp) = ReadSample(reader.ReadBytes());
            samples.Add(new MetricSample(name, labels, id, timestamp, value, type));
        }
    }

    /// <summary>
    /// The series' name, labels and id: from the cache when its label fields (contiguous, as every sender writes
    /// them) were seen before, else decoded, validated and cached.
    /// </summary>
    private (string Name, LabelSet Labels, long Id) Identify(ReadOnlySpan<byte> series, ReadOnlySpan<byte> rawLabels, int index)
    {
        if (!rawLabels.IsEmpty && _cache.TryGet(rawLabels, out var cached))
        {
            return (cached.Name, cached.Labels, cached.SeriesId);
        }

        var (name, labels) = ReadLabels(series, index);
        if (!rawLabels.IsEmpty)
        {
            _cache.Add(rawLabels, name, labels);
        }

        return (name, labels, labels.SeriesId(name));
    }

    /// <summary>Where the series' label fields are when they are one contiguous run; (-1, -1) otherwise (not cached).</summary>
    private static (int Start, int End) LabelRun(ReadOnlySpan<byte> series)
    {
        var reader = new ProtobufReader(series);
        int start = -1, end = -1;
        while (!reader.End)
        {
            var tagStart = reader.Position;
            reader.TryReadTag(out var field, out var wireType);
            if (field == 1)
            {
                if (wireType != ProtobufReader.LengthDelimited)
                {
                    return (-1, -1); // malformed: the full decode reports it
                }

                if (start < 0)
                {
                    start = tagStart;
                }
                else if (end != tagStart)
                {
                    return (-1, -1);
                }

                reader.ReadBytes();
                end = reader.Position;
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return (start, end);
    }

    private (string Name, LabelSet Labels) ReadLabels(ReadOnlySpan<byte> series, int index)
    {
        string? name = null;
        var labels = new List<Label>(8);
        var reader = new ProtobufReader(series);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field != 1)
            {
                reader.Skip(wireType);
                continue;
            }

            reader.Expect(wireType, ProtobufReader.LengthDelimited, "labels");
            var label = ReadLabel(reader.ReadBytes());
            if (label.Name == PrometheusNames.MetricNameLabel)
            {
                name = label.Value;
            }
            else if (label.Value.Length > 0)
            {
                // An empty value means "no such label" in Prometheus.
                labels.Add(label);
            }
        }

        if (string.IsNullOrEmpty(name))
        {
            throw new MalformedPayloadException($"timeseries[{index}] has no __name__ label");
        }

        var labelSet = LabelSet.FromUnsorted([.. labels]);
        if (SeriesRules.Check(name, labelSet.Labels, _options) is { } problem)
        {
            throw new MalformedPayloadException($"timeseries[{index}]: {problem}");
        }

        if (labelSet.Count < labels.Count)
        {
            // The set keeps the last of a repeated name (empty values were left out above): find the first repeat to name it.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var twice = labels.First(l => !seen.Add(l.Name)).Name;
            throw new MalformedPayloadException($"timeseries[{index}]: label '{twice}' appears twice");
        }

        return (name, labelSet);
    }

    private static Label ReadLabel(ReadOnlySpan<byte> bytes)
    {
        var name = "";
        var value = "";
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1:
                    reader.Expect(wireType, ProtobufReader.LengthDelimited, "label.name");
                    name = LabelNames.Intern(reader.ReadBytes());
                    break;
                case 2:
                    reader.Expect(wireType, ProtobufReader.LengthDelimited, "label.value");
                    // The metric name's value is as low-cardinality as a label name: intern it too; share other values that repeat.
                    value = name == PrometheusNames.MetricNameLabel ? LabelNames.Intern(reader.ReadBytes()) : LabelValues.Share(reader.ReadBytes());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new Label(name, value);
    }

    private static (double Value, long Timestamp) ReadSample(ReadOnlySpan<byte> bytes)
    {
        var value = 0d;
        var timestamp = 0L;
        var reader = new ProtobufReader(bytes);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1:
                    reader.Expect(wireType, ProtobufReader.Fixed64, "sample.value");
                    value = reader.ReadDouble();
                    break;
                case 2:
                    reader.Expect(wireType, ProtobufReader.Varint, "sample.timestamp");
                    timestamp = (long)reader.ReadVarint();
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return (value, timestamp);
    }
}
