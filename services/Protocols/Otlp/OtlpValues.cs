using System.Globalization;
using AirisEpm.Protocols.Otlp.Proto;

namespace AirisEpm.Protocols.Otlp;

/// <summary>OTLP attribute values as text, the way labels, fields and span attributes store them.</summary>
public static class OtlpValues
{
    public static string Format(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(",", value.ArrayValue.Values.Select(Format)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(",", value.KvlistValue.Values.Select(kv => kv.Key + ":" + Format(kv.Value))) + "}",
        _ => "",
    };

    /// <summary>A trace or span id as lowercase hex; null when absent or all zero (OTLP's "no id").</summary>
    public static string? HexId(Google.Protobuf.ByteString id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.IsEmpty || id.Span.IndexOfAnyExcept((byte)0) < 0) return null;
        return Convert.ToHexStringLower(id.Span);
    }
}
