using System.Diagnostics;
using System.Globalization;
using System.Net;
using AirisEpm.MetricsService.Tests.Functional;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;

namespace AirisEpm.MetricsService.Tests.Prometheus;

/// <summary>
/// promtool (Debian's Prometheus 2.42) as a real client of a real metrics-service process: samples written through
/// the JSON API, then <c>promtool query instant|range|series|labels</c>, whose output is Prometheus's own text form of
/// what it decoded. promtool takes credentials only in the URL, so the token goes in as the Basic password.
/// </summary>
public sealed class PromtoolTests : IAsyncLifetime
{
    private const string Binary = "/usr/bin/promtool";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-promtool-" + Guid.NewGuid().ToString("N"));
    private readonly long _t0 = ((DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 60_000) - 30) * 60_000;
    private ServiceProcess? _service;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Server => $"http://promtool:{TestTokens.With(Permissions.MetricsRead)}@{_service!.BaseUrl.Authority}";

    private string S(int offset) => ((_t0 / 1000) + offset).ToString(CultureInfo.InvariantCulture);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Binary))
        {
            return;
        }

        _service = await ServiceProcess.StartAsync("MetricsService", new Dictionary<string, string>
        {
            ["Metrics__Store__DuckDbPath"] = Path.Combine(_folder, "metrics.duckdb"),
        }, Ct);
        using var writer = new HttpClient { BaseAddress = _service.BaseUrl }.WithToken(Permissions.MetricsWrite);
        var metrics = new List<object>();
        for (var i = 0; i < 10; i++)
        {
            var ts = _t0 + (i * 15_000);
            metrics.Add(new { name = "latency_ms", value = i + 1.5, timestamp = ts, labels = new Dictionary<string, string> { ["job"] = "api", ["code"] = "200" } });
            metrics.Add(new { name = "latency_ms", value = 1e-7, timestamp = ts, labels = new Dictionary<string, string> { ["job"] = "web", ["code"] = "503" } });
        }

        using var response = await writer.PostAsync("/api/v1/metrics", Json.Batch([.. metrics]), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public ValueTask DisposeAsync()
    {
        _service?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Instant_query()
    {
        var (code, output, _) = await PromtoolAsync("query", "instant", $"--time={S(135)}", Server, "sort_desc(latency_ms)");

        Assert.Equal(0, code);
        Assert.Equal(
            $"latency_ms{{code=\"200\", job=\"api\"}} => 10.5 @[{S(135)}]\nlatency_ms{{code=\"503\", job=\"web\"}} => 0.0000001 @[{S(135)}]\n",
            output);
    }

    [Fact]
    public async Task Range_query()
    {
        var (code, output, _) = await PromtoolAsync(
            "query", "range", $"--start={S(0)}", $"--end={S(90)}", "--step=45s", Server, "latency_ms{code=\"200\"} * 2");

        Assert.Equal(0, code);
        Assert.Equal($"{{code=\"200\", job=\"api\"}} =>\n3 @[{S(0)}]\n9 @[{S(45)}]\n15 @[{S(90)}]\n", output);
    }

    [Fact]
    public async Task Series_query()
    {
        var (code, output, _) = await PromtoolAsync("query", "series", "--match=latency_ms", Server);

        Assert.Equal(0, code);
        Assert.Equal("{__name__=\"latency_ms\", code=\"200\", job=\"api\"}\n{__name__=\"latency_ms\", code=\"503\", job=\"web\"}\n", output);
    }

    [Fact]
    public async Task Labels_query()
    {
        var (code, output, _) = await PromtoolAsync("query", "labels", Server, "code");

        Assert.Equal(0, code);
        Assert.Equal("200\n503\n", output);
    }

    [Fact]
    public async Task A_bad_query_is_reported_as_prometheus_reports_it()
    {
        var (code, _, error) = await PromtoolAsync("query", "instant", Server, "foo{");

        Assert.Equal(1, code);
        Assert.Equal("query error: bad_data: invalid parameter \"query\": 1:5: parse error: unexpected end of input inside braces\n", error);
    }

    private async Task<(int Code, string Output, string Error)> PromtoolAsync(params string[] arguments)
    {
        if (_service is null)
        {
            Assert.Skip($"{Binary} is not installed (apt-get install -y prometheus); promtool cannot be the client.");
        }

        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await output, await error);
    }
}
