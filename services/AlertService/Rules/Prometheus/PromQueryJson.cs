using System.Text.Json;
using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Rules.Prometheus;

/// <summary>Reads Prometheus's query envelope (<c>{"status","data":{"resultType","result"}}</c>, values as <c>[t, "v"]</c>).</summary>
public static class PromQueryJson
{
    public static PromQueryAnswer Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("status", out var status)) return PromQueryAnswer.Failed("metrics-service answered no Prometheus envelope");
        if (status.GetString() != "success") return PromQueryAnswer.Failed(body.TryGetProperty("error", out var e) ? e.GetString() ?? "query failed" : "query failed");
        if (!body.TryGetProperty("data", out var data) || !data.TryGetProperty("resultType", out var type) || !data.TryGetProperty("result", out var result))
        {
            return PromQueryAnswer.Failed("metrics-service answered no result");
        }

        switch (type.GetString())
        {
            case "vector":
                var samples = new List<PromSample>();
                foreach (var item in result.EnumerateArray())
                {
                    var labels = new Dictionary<string, string>(StringComparer.Ordinal);
                    if (item.TryGetProperty("metric", out var metric))
                    {
                        foreach (var label in metric.EnumerateObject()) labels[label.Name] = label.Value.GetString() ?? "";
                    }

                    if (!item.TryGetProperty("value", out var value) || Value(value) is not { } v) return PromQueryAnswer.Failed("metrics-service answered a sample without a value");
                    samples.Add(new PromSample(labels, v));
                }

                return PromQueryAnswer.Of(samples);
            case "scalar":
                return Value(result) is { } scalar
                    ? PromQueryAnswer.Of([new PromSample(new Dictionary<string, string>(), scalar)])
                    : PromQueryAnswer.Failed("metrics-service answered a scalar without a value");
            default:
                return PromQueryAnswer.Failed("rule result is not a vector or scalar");
        }
    }

    /// <summary>The Prometheus error inside a non-2xx answer's text ("metrics-service answered 400 Bad Request: {…}"), if any.</summary>
    public static string? ErrorText(string message)
    {
        var brace = message.IndexOf('{', StringComparison.Ordinal);
        if (brace < 0) return null;
        try
        {
            using var document = JsonDocument.Parse(message[brace..]);
            return document.RootElement.TryGetProperty("error", out var error) ? error.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static double? Value(JsonElement pair) =>
        pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2 && pair[1].ValueKind == JsonValueKind.String
        && PromFloat.TryParse(pair[1].GetString(), out var v) ? v : null;
}
