using System.Globalization;
using System.Text.Json;

namespace AirisEpm.MetricsService.Tests.Prometheus.Parity;

/// <summary>One series of an answer: its labels as text (<c>{a="1", b="2"}</c>, sorted) and its samples (ms, value text).</summary>
public sealed record AnswerSeries(string Labels, IReadOnlyList<(long TimeMs, string Value)> Samples);

/// <summary>
/// A Prometheus HTTP API answer read back from its JSON envelope, independent of either side's code: <c>status</c>,
/// <c>errorType</c> and <c>error</c> for a failure, <c>resultType</c> and the result as series otherwise (a scalar
/// or string is one series with no labels).
/// </summary>
public sealed record PromAnswer(string Status, string? ErrorType, string? Error, string? ResultType, IReadOnlyList<AnswerSeries> Series)
{
    public static PromAnswer Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var status = root.GetProperty("status").GetString()!;
        if (status != "success")
        {
            return new PromAnswer(status, Text(root, "errorType"), Text(root, "error"), null, []);
        }

        var data = root.GetProperty("data");
        var type = data.GetProperty("resultType").GetString()!;
        var result = data.GetProperty("result");
        IReadOnlyList<AnswerSeries> series = type switch
        {
            "scalar" or "string" => [new AnswerSeries("{}", [Sample(result)])],
            "vector" => [.. result.EnumerateArray().Select(s => new AnswerSeries(Labels(s.GetProperty("metric")), [Sample(s.GetProperty("value"))]))],
            "matrix" => [.. result.EnumerateArray().Select(s => new AnswerSeries(Labels(s.GetProperty("metric")), [.. s.GetProperty("values").EnumerateArray().Select(Sample)]))],
            _ => throw new FormatException($"unknown resultType {type}"),
        };
        return new PromAnswer(status, null, null, type, series);
    }

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static (long, string) Sample(JsonElement pair) =>
        ((long)Math.Round(pair[0].GetDouble() * 1000), pair[1].GetString()!);

    private static string Labels(JsonElement metric) =>
        "{" + string.Join(", ", metric.EnumerateObject().Select(p => (p.Name, Value: p.Value.GetString()!)).OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={JsonSerializer.Serialize(p.Value)}")) + "}";

    public override string ToString() => Status != "success"
        ? $"{Status} {ErrorType}: {Error}"
        : $"{ResultType} [{string.Join(", ", Series.Select(s => s.Labels + " " + string.Join(" ", s.Samples.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value}@{p.TimeMs}")))))}]";
}
