using Google.Protobuf;

namespace AirisEpm.MetricsService.Tests.Prometheus;

/// <summary>A remote_write WriteRequest with samples, exemplars and metadata, written field by field with the protobuf runtime.</summary>
public sealed class ExemplarWriteRequest
{
    private readonly MemoryStream _stream = new();
    private readonly CodedOutputStream _output;

    public ExemplarWriteRequest()
    {
        _output = new CodedOutputStream(_stream);
    }

    public ExemplarWriteRequest Series(
        (string Name, string Value)[] labels, (double Value, long Ts)[] samples, params ((string Name, string Value)[] Labels, double Value, long Ts)[] exemplars)
    {
        var series = Message(output =>
        {
            foreach (var (name, value) in labels)
            {
                output.WriteTag(1, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(Label(name, value));
            }

            foreach (var (value, ts) in samples)
            {
                output.WriteTag(2, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(Message(s =>
                {
                    s.WriteTag(1, WireFormat.WireType.Fixed64);
                    s.WriteDouble(value);
                    s.WriteTag(2, WireFormat.WireType.Varint);
                    s.WriteInt64(ts);
                }));
            }

            foreach (var (exemplarLabels, value, ts) in exemplars)
            {
                output.WriteTag(3, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(Message(e =>
                {
                    foreach (var (name, text) in exemplarLabels)
                    {
                        e.WriteTag(1, WireFormat.WireType.LengthDelimited);
                        e.WriteBytes(Label(name, text));
                    }

                    e.WriteTag(2, WireFormat.WireType.Fixed64);
                    e.WriteDouble(value);
                    e.WriteTag(3, WireFormat.WireType.Varint);
                    e.WriteInt64(ts);
                }));
            }
        });
        _output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        _output.WriteBytes(series);
        return this;
    }

    public ExemplarWriteRequest Metadata(int type, string family, string help, string unit)
    {
        _output.WriteTag(3, WireFormat.WireType.LengthDelimited);
        _output.WriteBytes(Message(m =>
        {
            m.WriteTag(1, WireFormat.WireType.Varint);
            m.WriteEnum(type);
            m.WriteTag(2, WireFormat.WireType.LengthDelimited);
            m.WriteString(family);
            m.WriteTag(4, WireFormat.WireType.LengthDelimited);
            m.WriteString(help);
            m.WriteTag(5, WireFormat.WireType.LengthDelimited);
            m.WriteString(unit);
        }));
        return this;
    }

    public ByteArrayContent ToContent()
    {
        _output.Flush();
        var content = new ByteArrayContent(Snappier.Snappy.CompressToArray(_stream.ToArray()));
        content.Headers.ContentType = new("application/x-protobuf");
        content.Headers.ContentEncoding.Add("snappy");
        return content;
    }

    private static ByteString Label(string name, string value) => Message(l =>
    {
        l.WriteTag(1, WireFormat.WireType.LengthDelimited);
        l.WriteString(name);
        l.WriteTag(2, WireFormat.WireType.LengthDelimited);
        l.WriteString(value);
    });

    private static ByteString Message(Action<CodedOutputStream> write)
    {
        var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        write(output);
        output.Flush();
        return ByteString.CopyFrom(stream.ToArray());
    }
}
