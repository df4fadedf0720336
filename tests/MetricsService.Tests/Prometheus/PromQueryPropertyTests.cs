using System.Net;
using System.Text.Json;
using CsCheck;

namespace AirisEpm.MetricsService.Tests.Prometheus;

/// <summary>
/// Random and mutated queries and parameters on /api/v1/query and /api/v1/query_range, by GET and by POST form: every
/// answer is Prometheus's envelope with a status below 500 (a 503 only as a query timeout).
/// </summary>
public sealed class PromQueryPropertyTests(PromApiFixture fixture) : IClassFixture<PromApiFixture>
{
    private static readonly string[] Queries =
    [
        "latency_ms", "latency_ms{code=~\"5..\",job!=\"web\"}", "sum by (job) (rate(requests_total[1m]))", "topk(2, latency_ms)",
        "histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))", "latency_ms offset 1m", "latency_ms @ 1700000000",
        "max_over_time(latency_ms[5m:30s])", "latency_ms / on(job) group_left sum by (job) (latency_ms)", "count_values(\"v\", latency_ms)",
        "label_replace(latency_ms, \"x\", \"$1\", \"job\", \"(.*)\")", "absent(nothing)", "vector(1) > bool 0", "time() - 1e21",
        "quantile_over_time(0.5, latency_ms[10m])", "sort_desc(-latency_ms)", "{__name__=~\"lat.*\"}", "predict_linear(requests_total[5m], 60)",
    ];

    private static readonly Gen<char> Nasty = Gen.OneOf(
        Gen.Char['!', '~'], Gen.Char["{}[]()\"'\\=~!,:@^%*/+-<> \t\n0123456789.eE"], Gen.OneOf(Gen.Const('\0'), Gen.Const('\u00e9'), Gen.Const('\uD83D'), Gen.Const('☕')));

    private static readonly Gen<string> Query = Gen.OneOf(
        Pick(Queries),
        Gen.Select(Pick(Queries), Gen.Int[0, 40], Nasty.Array[0, 4], Gen.Int[0, 3], (q, at, insert, cut) =>
        {
            var position = Math.Min(at, q.Length);
            var removed = Math.Min(cut, q.Length - position);
            return q[..position] + new string(insert) + q[(position + removed)..];
        }),
        Nasty.Array[0, 60].Select(c => new string(c)));

    private static readonly Gen<string> Time = Gen.OneOf(
        Pick("", "1700000000", "1700000000.5", "-1", "0", "NaN", "Inf", "-Inf", "1e300", "9223372036854775807", "abc",
            "2023-11-14T22:13:20Z", "2023-11-14T22:13:20.123456789+02:00", "-292273086-05-16T16:47:06Z", "292277025-08-18T07:12:54.999999999Z",
            "2023-02-30T00:00:00Z", "1_000", " 1"),
        Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static readonly Gen<string> Duration = Gen.OneOf(
        Pick("", "0", "-1", "1", "15s", "1m", "1h30m", "0.001", "1e-9", "NaN", "1e300", "5y", "abc", "1ms", "100000d"),
        Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    private static readonly Gen<string> Limit = Pick("", "0", "1", "-1", "abc", "99999999999");

    private static Gen<string> Pick(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    [Fact]
    public Task Instant_queries_never_answer_5xx() =>
        Gen.Select(Query, Time, Duration.Where(d => d.Length == 0 || !d.StartsWith('-')), Limit, Gen.Bool).SampleAsync(async (query, time, timeout, limit, post) =>
        {
            var parameters = new List<(string, string)> { ("query", query) };
            AddIfSet(parameters, "time", time);
            AddIfSet(parameters, "timeout", timeout);
            AddIfSet(parameters, "limit", limit);
            await AssertAnsweredAsync("/api/v1/query", parameters, post);
        }, iter: 500, threads: 1);

    [Fact]
    public Task Range_queries_never_answer_5xx() =>
        Gen.Select(Query, Time, Time, Duration, Gen.Bool).SampleAsync(async (query, start, end, step, post) =>
        {
            var parameters = new List<(string, string)> { ("query", query) };
            AddIfSet(parameters, "start", start);
            AddIfSet(parameters, "end", end);
            AddIfSet(parameters, "step", step);
            await AssertAnsweredAsync("/api/v1/query_range", parameters, post);
        }, iter: 500, threads: 1);

    [Fact]
    public Task Parse_and_format_query_never_answer_5xx() =>
        Gen.Select(Query, Gen.Bool, Gen.Bool).SampleAsync(async (query, parse, post) =>
            await AssertAnsweredAsync(parse ? "/api/v1/parse_query" : "/api/v1/format_query", [("query", query)], post), iter: 300, threads: 1);

    private async Task AssertAnsweredAsync(string path, List<(string Name, string Value)> parameters, bool post)
    {
        var (status, body) = post
            ? await fixture.PostFormAsync(path, [.. parameters])
            : await fixture.GetAsync(path + "?" + string.Join('&', parameters.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value))));
        var described = $"{(int)status} for {string.Join(" ", parameters.Select(p => $"{p.Name}={JsonSerializer.Serialize(p.Value)}"))}: {body}";
        Assert.True((int)status < 500 || IsTimeout(status, body), described);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.True(root.GetProperty("status").GetString() is "success" or "error", described);
    }

    private static bool IsTimeout(HttpStatusCode status, string body) =>
        status == HttpStatusCode.ServiceUnavailable && body.Contains("\"errorType\":\"timeout\"", StringComparison.Ordinal);

    private static void AddIfSet(List<(string, string)> parameters, string name, string value)
    {
        if (value.Length > 0)
        {
            parameters.Add((name, value));
        }
    }
}
