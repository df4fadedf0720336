using AirisEpm.Protocols;
using AirisEpm.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;
using Google.Protobuf;

namespace AirisEpm.MetricsService.Protocols.Otlp;

/// <summary>OTLP/HTTP metrics bodies (see <see cref="OtlpBody"/>) and the partial-success answer.</summary>
internal static class OtlpCodec
{
    public const string Protobuf = OtlpBody.Protobuf;
    public const string Json = OtlpBody.Json;

    public static ExportMetricsServiceRequest Parse(ReadOnlySpan<byte> body, bool json) =>
        OtlpBody.Parse(body, json, ExportMetricsServiceRequest.Parser);

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

    public static string ToJson(IMessage message) => OtlpBody.ToJson(message);
}
