using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using AirisEpm.MetricsService.Tests.Support;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Prometheus.Parity;

/// <summary>
/// Our PromQL side by side with Prometheus itself (Debian's 2.42): the same samples (<see cref="ParityData"/>)
/// remote-written into Prometheus's receiver and into a real metrics-service process, then every query of
/// <see cref="ParityQueries"/> asked of both HTTP APIs and the answers compared (<see cref="AnswerComparison"/>).
/// Where Prometheus 3, whose semantics the engine follows, answers differently from 2.42, the case is asked but not
/// compared, and the summary lists it with its reason.
/// </summary>
public sealed class PrometheusParityTests
{
    private const int Concurrency = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_query_answers_as_prometheus_answers_it()
    {
        if (!PrometheusProcess.Installed)
        {
            Assert.Skip($"{PrometheusProcess.Binary} is not installed (apt-get install -y prometheus); there is nothing to compare with.");
        }

        var folder = Directory.CreateTempSubdirectory("airis-parity-");
        var prometheusStart = PrometheusProcess.StartReceiverAsync(Ct);
        var serviceStart = ServiceProcess.StartAsync("MetricsService", new Dictionary<string, string>
        {
            ["Metrics__Store__DuckDbPath"] = Path.Combine(folder.FullName, "metrics.duckdb"),
            ["Http__PermitsPerSecond"] = "100000",
            ["Http__Burst"] = "100000",
        }, Ct);
        await using var prometheus = await prometheusStart;
        using var service = await serviceStart;
        try
        {
            var startMs = ((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 3_600_000) - 2) * 3_600_000;
            var data = new ParityData(startMs);
            using var toPrometheus = new HttpClient { BaseAddress = prometheus.BaseUrl };
            using var toService = new HttpClient { BaseAddress = service.BaseUrl };
            toService.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Bearer", TestTokens.With(TimeSpan.FromMinutes(30), Permissions.MetricsRead, Permissions.MetricsWrite));
            foreach (var body in RemoteWriteBodies(data))
            {
                await PostAsync(toPrometheus, body);
                await PostAsync(toService, body);
            }

            var cases = ParityQueries.For(startMs);
            var outcomes = await AskAllAsync(cases, toPrometheus, toService);
            Report(cases, outcomes, data);
        }
        catch (Exception e) when (e is not Xunit.Sdk.SkipException && e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException("prometheus output:\n" + prometheus.Output, e);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The data as remote_write 1.0 requests of ten minutes each, in time order: Prometheus refuses a sample more than
    /// an hour older than the newest it holds, so a request must not run far ahead of the next.
    /// </summary>
    private static IEnumerable<byte[]> RemoteWriteBodies(ParityData data)
    {
        const long window = 600_000;
        for (var from = data.Start; from < data.Start + (ParityData.Scrapes * ParityData.IntervalMs) + window; from += window)
        {
            var builder = new RemoteWriteBuilder(exemplars: false);
            var any = false;
            foreach (var series in data.Series)
            {
                var samples = series.Samples.Where(s => s.Timestamp >= from && s.Timestamp < from + window).ToArray();
                if (samples.Length > 0)
                {
                    builder.Series(series.Labels, samples);
                    any = true;
                }
            }

            if (any)
            {
                yield return builder.ToSnappy();
            }
        }
    }

    private static async Task PostAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        content.Headers.ContentEncoding.Add("snappy");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/write") { Content = content };
        request.Headers.Add("X-Prometheus-Remote-Write-Version", "0.1.0");
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"remote_write to {client.BaseAddress} answered {(int)response.StatusCode}: {text}");
    }

    private static async Task<ParityOutcome[]> AskAllAsync(IReadOnlyList<ParityCase> cases, HttpClient prometheus, HttpClient service)
    {
        var outcomes = new ParityOutcome[cases.Count];
        await Parallel.ForAsync(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = Ct }, async (i, ct) =>
        {
            var theirs = await AskAsync(prometheus, cases[i], ct);
            var clock = Stopwatch.StartNew();
            var ours = await AskAsync(service, cases[i], ct);
            outcomes[i] = new ParityOutcome(theirs, ours, AnswerComparison.Difference(theirs, ours, cases[i].Ordered), clock.Elapsed);
        });
        return outcomes;
    }

    private static async Task<PromAnswer> AskAsync(HttpClient client, ParityCase query, CancellationToken ct)
    {
        using var response = await client.GetAsync(query.PathAndQuery, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        try
        {
            return PromAnswer.Parse(body);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            return new PromAnswer("unreadable", ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), body, null, []);
        }
    }

    private static void Report(IReadOnlyList<ParityCase> cases, ParityOutcome[] outcomes, ParityData data)
    {
        var output = TestContext.Current.TestOutputHelper;
        var all = cases.Select((c, i) => (Case: c, Outcome: outcomes[i])).ToList();
        var compared = all.Where(x => x.Case.Excluded is null && x.Case.Bug is null).ToList();
        var excluded = all.Where(x => x.Case.Excluded is not null).ToList();
        var bugs = all.Where(x => x.Case.Bug is not null).ToList();
        var failed = compared.Where(x => x.Outcome.Difference is not null).ToList();
        var fixedBugs = bugs.Where(x => x.Outcome.Difference is null).ToList();
        var summary = $"{compared.Count} queries compared ({compared.Select(x => x.Case.Expr).Distinct().Count()} expressions, " +
                      $"{data.Series.Count} series, {data.SampleCount} samples), {compared.Count - failed.Count} equal, {failed.Count} different; " +
                      $"{excluded.Count} excluded: " + string.Join("; ", excluded.GroupBy(x => x.Case.Excluded).Select(g =>
                          $"{g.Count()} × {g.Key} ({g.Count(x => x.Outcome.Difference is not null)} of them differ here)")) +
                      $"; {bugs.Count} showing known engine bugs: " + string.Join("; ", bugs.GroupBy(x => x.Case.Bug).Select(g => $"{g.Count()} × {g.Key}"));
        output?.WriteLine(summary);
        foreach (var (query, outcome) in excluded)
        {
            output?.WriteLine($"excluded: {query} — {query.Excluded}; {(outcome.Difference is null ? "same answer here" : "differs: " + outcome.Difference)}");
        }

        foreach (var (query, outcome) in bugs)
        {
            output?.WriteLine($"known bug: {query} — {query.Bug}; {outcome.Difference ?? "now equal"}");
        }

        var slowest = compared.OrderByDescending(x => x.Outcome.Elapsed).Take(3);
        output?.WriteLine("slowest on metrics-service: " + string.Join("; ", slowest.Select(x => $"{x.Outcome.Elapsed.TotalMilliseconds:F0} ms {x.Case}")));
        var families = compared.GroupBy(x => x.Case.Family).Select(g => $"{g.Key} {g.Count(x => x.Outcome.Difference is null)}/{g.Count()}");
        output?.WriteLine("by family: " + string.Join(", ", families));
        // Guards against a comparison of nothing with nothing: the data arrived, and the stale marker ended its series.
        var empty = compared.Count(x => x.Outcome.Prometheus.Status == "success" && x.Outcome.Prometheus.Series.Count == 0);
        output?.WriteLine($"{empty} of the compared answers are empty");
        Assert.True(empty < compared.Count / 10, $"{empty} of {compared.Count} answers are empty: the data did not arrive");
        var queues = all.First(x => x.Case is { Expr: "parity_queue_depth", IsRange: false } && x.Case.TimeMs == data.Start + (long)(ParityQueries.JustAfterStop * 1000)).Outcome.Prometheus;
        Assert.Equal(["late", "quiet"], queues.Series.Select(s => s.Labels).Select(l => l[(l.IndexOf("queue=", StringComparison.Ordinal) + 7)..^2]).Order());
        var details = string.Join("\n", failed.Take(60).Select(x => $"- {x.Case}\n    {x.Outcome.Difference}\n    prometheus: {Shorten(x.Outcome.Prometheus)}\n    ours:       {Shorten(x.Outcome.Ours)}"));
        Assert.True(failed.Count == 0, $"{summary}\n{details}");
        Assert.True(fixedBugs.Count == 0, "these cases now answer as Prometheus does; remove their known bug: " + string.Join("; ", fixedBugs.Select(x => x.Case)));
    }

    private static string Shorten(PromAnswer answer)
    {
        var text = answer.ToString();
        return text.Length <= 600 ? text : text[..600] + "…";
    }
}
