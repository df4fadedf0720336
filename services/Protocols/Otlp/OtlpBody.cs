using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace AirisEpm.Protocols.Otlp;

/// <summary>
/// OTLP/HTTP bodies in both encodings. JSON follows the OTLP mapping: lowerCamelCase names, 64-bit
/// integers as strings, enums as integers, and (unlike plain proto3 JSON, where bytes are base64)
/// <c>traceId</c>, <c>spanId</c> and <c>parentSpanId</c> as hex strings. Unknown fields are ignored, as
/// the OTLP spec requires.
/// </summary>
public static class OtlpBody
{
    public const string Protobuf = "application/x-protobuf";
    public const string Json = "application/json";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true).WithRecursionLimit(64));
    private static readonly HashSet<string> HexIdFields = ["traceId", "spanId", "parentSpanId"];

    public static T Parse<T>(ReadOnlySpan<byte> body, bool json, MessageParser<T> protobuf)
        where T : IMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(protobuf);
        try
        {
            if (!json) return protobuf.ParseFrom(body);
            var text = new UTF8Encoding(false, true).GetString(body);
            return Parser.Parse<T>(text.Contains("Id\"", StringComparison.Ordinal) ? HexIdsToBase64(text) : text);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or DecoderFallbackException or FormatException or JsonException)
        {
            throw new MalformedPayloadException((json ? "OTLP JSON: " : "OTLP protobuf: ") + e.Message);
        }
    }

    public static string ToJson(IMessage message) => JsonFormatter.Default.Format(message);

    /// <summary>The JSON with every hex trace/span id re-encoded as base64, the form the protobuf runtime reads.</summary>
    private static string HexIdsToBase64(string json)
    {
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        Rewrite(root);
        return root?.ToJsonString() ?? json;
    }

    private static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (HexIdFields.Contains(name) && value is JsonValue v && v.TryGetValue<string>(out var hex))
                    {
                        obj[name] = hex.Length == 0 ? "" : Convert.ToBase64String(FromHex(name, hex));
                    }
                    else
                    {
                        Rewrite(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Rewrite(item);
                }

                break;
        }
    }

    private static byte[] FromHex(string field, string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new MalformedPayloadException($"OTLP JSON: {field} '{(hex.Length > 40 ? hex[..40] + "…" : hex)}' is not hex");
        }
    }
}
