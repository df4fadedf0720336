using System.Net;
using System.Text;
using System.Text.Json;
using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.AlertService.Rules.Prometheus;
using AirisEpm.AlertService.Tests.Domain.Configuration;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using CsCheck;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

public sealed class PromRulesApiTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string File = """
        groups:
          - name: api
            interval: 15s
            rules:
              - record: job:http_errors:rate1m
                expr: sum by (job) (rate(http_requests_total{code="500"}[1m]))
              - alert: HighErrorRate
                expr: rate(http_requests_total{code="500"}[1m]) > 0.5
                for: 30s
                labels:
                  severity: page
                annotations:
                  summary: "{{ $labels.instance }} fails {{ $value | humanize }} requests/s"
          - name: other
            rules:
              - alert: Down
                expr: up == 0
        """;

    [Fact]
    public async Task A_file_is_stored_listed_read_replaced_and_deleted_and_its_groups_run_and_stop()
    {
        await using var factory = new PromRulesFactory();
        var client = await factory.StartAsync(ReadWrite);

        var created = await ReadAsync(await Put(client, "api", File), HttpStatusCode.Created);
        Assert.Equal((2, 3), (created.GetProperty("groups").GetInt32(), created.GetProperty("rules").GetInt32()));
        Assert.Equal(File, (await factory.Files.GetAsync("api", Ct))!.Yaml);
        Assert.True(factory.Scheduler.Running.ContainsKey(new GroupRef("api", "api")));
        Assert.True(factory.Scheduler.Running.ContainsKey(new GroupRef("api", "other")));
        var listed = Assert.Single((await GetAsync(client, "/api/v1/rules/files")).EnumerateArray());
        Assert.Equal(("api", 3), (listed.GetProperty("name").GetString(), listed.GetProperty("rules").GetInt32()));
        var text = await client.GetAsync("/api/v1/rules/files/api", Ct);
        Assert.Equal((HttpStatusCode.OK, "application/yaml", File), (text.StatusCode, text.Content.Headers.ContentType!.MediaType, await text.Content.ReadAsStringAsync(Ct)));

        var replaced = await ReadAsync(await Put(client, "api", File[..File.IndexOf("  - name: other", StringComparison.Ordinal)]), HttpStatusCode.OK);
        Assert.Equal(1, replaced.GetProperty("groups").GetInt32());
        Assert.False(factory.Scheduler.Running.ContainsKey(new GroupRef("api", "other")));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/rules/files/api", Ct)).StatusCode);
        Assert.Empty(factory.Scheduler.Running);
        await GetAsync(client, "/api/v1/rules/files/api", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/v1/rules/files/api", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_file_promtool_refuses_is_a_400_naming_group_and_rule_and_nothing_is_stored()
    {
        await using var factory = new PromRulesFactory();
        var client = await factory.StartAsync(ReadWrite);

        var problem = await ReadAsync(await Put(client, "bad", "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up +\n"), HttpStatusCode.BadRequest);

        Assert.Equal("bad: 5:15: group \"g\", rule 1, \"A\": could not parse expression: 1:5: parse error: unexpected end of input", problem.GetProperty("detail").GetString());
        Assert.Equal(("Invalid rule file", "body"), (problem.GetProperty("title").GetString(), problem.GetProperty("field").GetString()));
        Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Empty(await factory.Files.ListAsync(Ct));
    }

    [Fact]
    public async Task Bad_names_large_files_and_missing_permissions_are_refused()
    {
        await using var factory = new PromRulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        var reader = factory.CreateClient().WithToken(Permissions.AlertsRead);
        var nobody = factory.CreateClient();

        Assert.Equal("name", (await ReadAsync(await Put(client, "..bad", File), HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        await ReadAsync(await Put(client, "big", "# " + new string('x', 300_000)), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(HttpStatusCode.Forbidden, (await Put(reader, "api", File)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.GetAsync("/api/v1/rules", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/alerts", Ct)).StatusCode);
    }

    [Fact]
    public async Task Evaluations_show_in_Prometheus_rules_and_alerts_APIs_fire_into_the_engine_and_record_series()
    {
        await using var factory = new PromRulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        await ReadAsync(await Put(client, "api", File), HttpStatusCode.Created);
        factory.Queries.Answer = (expr, _) => expr.StartsWith("sum", StringComparison.Ordinal)
            ? PromQueryAnswer.Of([new PromSample(new Dictionary<string, string> { ["job"] = "web" }, 0.75)])
            : PromQueryAnswer.Of([new PromSample(new Dictionary<string, string> { ["instance"] = "web-1", ["job"] = "web" }, 0.75)]);
        var group = new GroupRef("api", "api");
        var t0 = factory.Clock.GetUtcNow();

        await factory.Scheduler.EvaluateNowAsync(group, Ct);
        var rules = await GetAsync(client, "/api/v1/rules");
        Assert.Equal("success", rules.GetProperty("status").GetString());
        var apiGroup = rules.GetProperty("data").GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "api");
        Assert.Equal(("api", 15d, 0), (apiGroup.GetProperty("file").GetString(), apiGroup.GetProperty("interval").GetDouble(), apiGroup.GetProperty("limit").GetInt32()));
        var recording = apiGroup.GetProperty("rules")[0];
        Assert.Equal(("recording", "job:http_errors:rate1m", "ok"), (recording.GetProperty("type").GetString(), recording.GetProperty("name").GetString(), recording.GetProperty("health").GetString()));
        var alerting = apiGroup.GetProperty("rules")[1];
        Assert.Equal(("alerting", "pending", 30d, "rate(http_requests_total{code=\"500\"}[1m]) > 0.5"),
            (alerting.GetProperty("type").GetString(), alerting.GetProperty("state").GetString(), alerting.GetProperty("duration").GetDouble(), alerting.GetProperty("query").GetString()));
        var pending = Assert.Single(alerting.GetProperty("alerts").EnumerateArray());
        Assert.Equal(("pending", "7.5e-01", "web-1 fails 750m requests/s", PromRulesJson.Time(t0)),
            (pending.GetProperty("state").GetString(), pending.GetProperty("value").GetString(), pending.GetProperty("annotations").GetProperty("summary").GetString(), pending.GetProperty("activeAt").GetString()));
        var other = rules.GetProperty("data").GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "other");
        Assert.Equal(("unknown", "0001-01-01T00:00:00Z", 60d), (other.GetProperty("rules")[0].GetProperty("health").GetString(), other.GetProperty("lastEvaluation").GetString(), other.GetProperty("interval").GetDouble()));
        Assert.Empty((await GetAsync(client, "/api/v2/alerts")).EnumerateArray());

        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await factory.Scheduler.EvaluateNowAsync(group, Ct);
        var alerts = await GetAsync(client, "/api/v1/alerts");
        Assert.Equal("firing", Assert.Single(alerts.GetProperty("data").GetProperty("alerts").EnumerateArray()).GetProperty("state").GetString());
        var posted = Assert.Single((await GetAsync(client, "/api/v2/alerts")).EnumerateArray());
        Assert.Equal(("HighErrorRate", "page", "eu-1", "web-1 fails 750m requests/s"), (
            posted.GetProperty("labels").GetProperty("alertname").GetString(), posted.GetProperty("labels").GetProperty("severity").GetString(),
            posted.GetProperty("labels").GetProperty("cluster").GetString(), posted.GetProperty("annotations").GetProperty("summary").GetString()));
        Assert.StartsWith("http://alerts.example:8004/graph?g0.expr=rate%28", posted.GetProperty("generatorURL").GetString(), StringComparison.Ordinal);

        var written = factory.Writes.Written.ToList();
        Assert.Contains(written, w => w.Sample.Labels["__name__"] == "job:http_errors:rate1m" && w.Sample.Value == 0.75 && w.Sample.Labels["job"] == "web" && w.Timestamp == t0);
        Assert.Contains(written, w => w.Sample.Labels["__name__"] == "ALERTS" && w.Sample.Labels["alertstate"] == "firing");
        Assert.All(factory.Queries.Queries.Where(q => q.Time > t0), q => Assert.Equal(t0.AddSeconds(30), q.Time));

        var onlyRecording = await GetAsync(client, "/api/v1/rules?type=record");
        Assert.All(onlyRecording.GetProperty("data").GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()),
            r => Assert.Equal("recording", r.GetProperty("type").GetString()));
        var bad = await GetAsync(client, "/api/v1/rules?type=nope", HttpStatusCode.BadRequest);
        Assert.Equal(("error", "bad_data"), (bad.GetProperty("status").GetString(), bad.GetProperty("errorType").GetString()));
    }

    [Fact]
    public async Task Mutated_files_are_answered_2xx_or_a_400_problem_never_a_5xx()
    {
        await using var factory = new PromRulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        var documents = RuleFileCorpus.Valid.Concat(RuleFileCorpus.Invalid).Select(r => System.IO.File.ReadAllText(RuleFileCorpus.PathOf(r.Data))).ToArray();
        var edit = Gen.Select(Gen.Int[0, 5], Gen.Int[0, 100_000], Gen.OneOf("[", "]", ":", "- ", "'", "\"", "~", "&a", "*a", "\n  ", "{{", "}}", "(", "1x", "-1m"),
            (kind, position, text) => (kind, position, text));
        var samples = Gen.Select(Gen.OneOf(documents), edit.Array[1, 4]).Select(p => ConfigFilePropertyTests.Mutate(p.Item1, p.Item2)).Array[150].Single();

        foreach (var yaml in samples)
        {
            var response = await Put(client, "fuzz", yaml);
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created) continue;
            var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
            Assert.NotEmpty(problem.GetProperty("errors").EnumerateArray());
        }
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, string name, string yaml) =>
        client.PutAsync($"/api/v1/rules/files/{name}", new StringContent(yaml, Encoding.UTF8, "application/yaml"), Ct);
}
