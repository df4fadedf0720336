using System.Text.Json.Nodes;
using Google.Protobuf;

namespace AirisEpm.TraceService.Tests.Support;

/// <summary>
/// OTLP/JSON as exporters write it: the protobuf JSON form with <c>traceId</c>, <c>spanId</c> and
/// <c>parentSpanId</c> in hex instead of base64 (the OTLP JSON mapping's one exception).
/// </summary>
public static class OtlpJson
{
    private static readonly HashSet<string> IdFields = ["traceId", "spanId", "parentSpanId"];

    public static string From(IMessage message)
    {
        var root = JsonNode.Parse(JsonFormatter.Default.Format(message))!;
        Rewrite(root);
        return root.ToJsonString();
    }

    private static void Rewrite(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array) Rewrite(item);
        }
        else if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj.ToList())
            {
                if (IdFields.Contains(name) && value is JsonValue v && v.TryGetValue<string>(out var base64))
                {
                    obj[name] = Convert.ToHexStringLower(Convert.FromBase64String(base64));
                }
                else
                {
                    Rewrite(value);
                }
            }
        }
    }
}
