using AirisEpm.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.TraceService.Domain;
using Google.Protobuf.Collections;

namespace AirisEpm.TraceService.Ingest.Otlp;

/// <summary>
/// OTLP attribute values with their type kept (Jaeger's tags are typed); arrays and key-value lists
/// become their text as strings, in the same text form logs and metrics give them (<see cref="OtlpValues"/>).
/// </summary>
public static class OtlpAttributes
{
    public static AttributeValue Value(AnyValue? value)
    {
        var type = value?.ValueCase switch
        {
            AnyValue.ValueOneofCase.BoolValue => AttributeType.Bool,
            AnyValue.ValueOneofCase.IntValue => AttributeType.Int,
            AnyValue.ValueOneofCase.DoubleValue => AttributeType.Double,
            AnyValue.ValueOneofCase.BytesValue => AttributeType.Bytes,
            _ => AttributeType.String,
        };
        return new AttributeValue(type, OtlpValues.Format(value));
    }

    /// <summary>The attributes by key; a repeated key keeps its last value.</summary>
    public static Dictionary<string, AttributeValue> ToDictionary(RepeatedField<KeyValue> attributes, int extra = 0)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var result = new Dictionary<string, AttributeValue>(attributes.Count + extra, StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            result[attribute.Key] = Value(attribute.Value);
        }

        return result;
    }
}
