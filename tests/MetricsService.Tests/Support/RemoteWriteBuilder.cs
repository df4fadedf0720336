using Google.Protobuf;

namespace AirisEpm.MetricsService.Tests.Support;

/// <summary>Writes remote_write WriteRequest bytes field by field with the protobuf runtime, independent of the decoder under test.</summary>
public sealed class RemoteWriteBuilder
{
    private readonly MemoryStream _stream = new();
    private readonly CodedOutputStream _output;
    private readonly bool _exemplars;

    /// <param name="exemplars">Whether each series carries an exemplar the decoder must skip (off for a real receiver such as Prometheus).</param>
    public RemoteWriteBuilder(bool exemplars = true)
    {
        _output = new CodedOutputStream(_stream);
        _exemplars = exemplars;
    }

    public RemoteWriteBuilder Series(IEnumerable<(string Name, string Value)> labels, params (double Value, long Timestamp)[] samples)
    {
        var series = new MemoryStream();
        var output = new CodedOutputStream(series);
        foreach (var (name, value) in labels)
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(Label(name, value));
        }

        foreach (var (value, timestamp) in samples)
        {
            output.WriteTag(2, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(Sample(value, timestamp));
        }

        if (_exemplars)
        {
            // An exemplar (field 3) the decoder must skip.
            output.WriteTag(3, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(Label("trace_id", "abc"));
        }

        output.Flush();
        _output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        _output.WriteBytes(ByteString.CopyFrom(series.ToArray()));
        return this;
    }

    /// <summary>MetricMetadata: type (1 counter, 2 gauge, 3 histogram, 5 summary) for a family.</summary>
    public RemoteWriteBuilder Metadata(string family, int type)
    {
        var metadata = new MemoryStream();
        var output = new CodedOutputStream(metadata);
        output.WriteTag(1, WireFormat.WireType.Varint);
        output.WriteEnum(type);
        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteString(family);
        output.WriteTag(4, WireFormat.WireType.LengthDelimited);
        output.WriteString("help text");
        output.Flush();
        _output.WriteTag(3, WireFormat.WireType.LengthDelimited);
        _output.WriteBytes(ByteString.CopyFrom(metadata.ToArray()));
        return this;
    }

    public byte[] ToBytes()
    {
        _output.Flush();
        return _stream.ToArray();
    }

    public byte[] ToSnappy() => Snappier.Snappy.CompressToArray(ToBytes());

    private static ByteString Label(string name, string value)
    {
        var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteString(name);
        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
        output.Flush();
        return ByteString.CopyFrom(stream.ToArray());
    }

    private static ByteString Sample(double value, long timestamp)
    {
        var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(1, WireFormat.WireType.Fixed64);
        output.WriteDouble(value);
        output.WriteTag(2, WireFormat.WireType.Varint);
        output.WriteInt64(timestamp);
        output.Flush();
        return ByteString.CopyFrom(stream.ToArray());
    }
}
