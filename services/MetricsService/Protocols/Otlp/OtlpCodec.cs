using AirisEpm.Protocols;
using System.Text;
using AirisEpm.Protocols.Otlp.Proto;
using Google.Protobuf;

namespace AirisEpm.MetricsService.Protocols.Otlp;

/// <summary>
/// OTLP/HTTP bodies in both encodings. JSON follows the OTLP mapping (lowerCamelCase names, 64-bit
/// integers as strings, enums as integers), which is the proto3 JSON mapping the protobuf runtime
/// reads; unknown fields (exemplars, newer additions) are ignored as the OTLP spec requires.
/// </summary>
internal static class OtlpCodec
{
    public const string Protobuf = "application/x-protobuf";
    public const string Json = "application/json";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static ExportMetricsServiceRequest Parse(ReadOnlySpan<byte> body, bool json)
    {
        try
        {
            return json
                ? Parser.Parse<ExportMetricsServiceRequest>(new UTF8Encoding(false, true).GetString(body))
                : ExportMetricsServiceRequest.Parser.ParseFrom(body);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or DecoderFallbackException or FormatException)
        {
            throw new MalformedPayloadException((json ? "OTLP JSON: " : "OTLP protobuf: ") + e.Message);
        }
    }

    public static ExportMetricsServiceResponse Response(OtlpConversion conversion)
    {
        var response = new ExportMetricsServiceResponse();
        if (conversion.RejectedDataPoints > 0)
        {
            response.PartialSuccess = new ExportMetricsPartialSuccess
            {
                RejectedDataPoints = conversion.RejectedDataPoints,
                ErrorMessage = conversion.ErrorMessage,
            };
        }

        return response;
    }

    public static string ToJson(IMessage message) => JsonFormatter.Default.Format(message);
}
