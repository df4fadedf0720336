using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AirisEpm.ServiceDefaults.Events.Contracts;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.Rules;

public sealed class RulesApiTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rule_lifecycle_create_get_list_update_delete_with_etags_actors_and_streaming_rules()
    {
        await using var factory = new RulesFactory();
        var client = await factory.StartAsync(ReadWrite);

        var created = await client.PostAsJsonAsync("/api/v1/rules", RuleBodies.Metric(), Ct);
        var body = await ReadAsync(created, HttpStatusCode.Created);
        var id = body.GetProperty("id").GetString()!;
        var etag = created.Headers.ETag!.Tag;
        Assert.Equal($"/api/v1/rules/{id}", created.Headers.Location!.OriginalString);
        Assert.False(body.GetProperty("streaming").GetBoolean());
        Assert.True(factory.Scheduler.Running.ContainsKey(id));
        Assert.Empty(factory.Events.Published); // evaluated by its actor only: nothing for metrics-service

        var got = await client.GetAsync($"/api/v1/rules/{id}", Ct);
        Assert.Equal(etag, got.Headers.ETag!.Tag);
        Assert.Equal("HighCpu", (await ReadAsync(got, HttpStatusCode.OK)).GetProperty("rule").GetProperty("name").GetString());
        Assert.Equal(id, Assert.Single((await GetAsync(client, "/api/v1/rules/native")).EnumerateArray()).GetProperty("id").GetString());

        var updated = await SendAsync(client, HttpMethod.Put, $"/api/v1/rules/{id}", RuleBodies.Metric(agg: "last"), etag);
        var newEtag = updated.Headers.ETag!.Tag;
        Assert.True((await ReadAsync(updated, HttpStatusCode.OK)).GetProperty("streaming").GetBoolean());
        Assert.NotEqual(etag, newEtag);
        var second = Assert.IsType<AlertRulesChanged>(Assert.Single(factory.Events.Published));
        var streaming = Assert.Single(second.StreamingRules);
        Assert.Equal((id, "cpu_usage", ">", 0.9, 300d), (streaming.RuleId, streaming.MetricName, streaming.Operator, streaming.Threshold, streaming.ForSeconds));
        Assert.Equal(new LabelMatcherContract("service", "=", "api"), Assert.Single(second.StreamingRules[0].Matchers));

        var deleted = await SendAsync(client, HttpMethod.Delete, $"/api/v1/rules/{id}", null, newEtag);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await GetAsync(client, $"/api/v1/rules/{id}", HttpStatusCode.NotFound);
        Assert.False(factory.Scheduler.Running.ContainsKey(id));
        Assert.Equal(2, factory.Events.Published.Count);
        var third = Assert.IsType<AlertRulesChanged>(factory.Events.Published.Last());
        Assert.Empty(third.StreamingRules);
        Assert.True(third.Version > second.Version);
    }

    [Theory]
    [InlineData("condition.matchers[0]", "regex")]
    [InlineData("condition.op", "op")]
    [InlineData("annotations.summary", "template")]
    [InlineData("severity", "severity")]
    [InlineData("condition", "two-kinds")]
    [InlineData("condition", "missing-condition")]
    [InlineData("condition.agg", "agg")]
    [InlineData("for", "duration")]
    [InlineData("condition.all[1].window", "nested-window")]
    [InlineData("condition.not.service", "trace-both-forms")]
    [InlineData("labels.bad-name", "label")]
    [InlineData("evaluationInterval", "interval")]
    public async Task Invalid_rules_are_rejected_naming_the_field(string field, string kind)
    {
        await using var factory = new RulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        object body = kind switch
        {
            "regex" => RuleBodies.Metric(matchers: ["service=~\"(api\""]),
            "op" => RuleBodies.Metric(op: "=>"),
            "template" => RuleBodies.Metric(summary: "{{ $labels.team "),
            "severity" => new { name = "R", severity = "page", condition = new { log = new { query = "x", window = "1m", op = ">", threshold = 1 } } },
            "two-kinds" => RuleBodies.WithCondition(new { log = new { query = "x", window = "1m", op = ">", threshold = 1 }, absent = new { metric = "up", window = "1m" } }),
            "missing-condition" => new { name = "R", severity = "info" },
            "agg" => RuleBodies.Metric(agg: "median"),
            "duration" => new { name = "R", severity = "info", @for = "5 minutes", condition = new { absent = new { metric = "up", window = "1m" } } },
            "nested-window" => RuleBodies.WithCondition(new { all = new object[] { new { absent = new { metric = "up", window = "1m" } }, new { absent = new { metric = "up", window = "0s" } } } }),
            "trace-both-forms" => RuleBodies.WithCondition(new { not = new { trace = new { signal = "error_rate", service = "api", from = "a", to = "b", window = "5m", op = ">", threshold = 0.1 } } }),
            "interval" => new { name = "R", severity = "info", evaluationInterval = "250ms", condition = new { absent = new { metric = "up", window = "1m" } } },
            _ => new { name = "R", severity = "info", labels = new Dictionary<string, string> { ["bad-name"] = "x" }, condition = new { absent = new { metric = "up", window = "1m" } } },
        };

        var problem = await PostAsync(client, "/api/v1/rules", body, HttpStatusCode.BadRequest);

        Assert.Contains(field, ErrorKeys(problem));
        Assert.Empty(await factory.Rules.ListAsync(Ct));
        Assert.Empty(factory.Events.Published);
    }

    [Fact]
    public async Task Put_with_an_invalid_body_is_400_and_keeps_the_rule()
    {
        await using var factory = new RulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        var id = (await PostAsync(client, "/api/v1/rules", RuleBodies.Metric(), HttpStatusCode.Created)).GetProperty("id").GetString();

        var response = await SendAsync(client, HttpMethod.Put, $"/api/v1/rules/{id}", RuleBodies.Metric(op: "~"), null);

        Assert.Contains("condition.op", ErrorKeys(await ReadAsync(response, HttpStatusCode.BadRequest)));
        Assert.Equal(">", (await GetAsync(client, $"/api/v1/rules/{id}")).GetProperty("rule").GetProperty("condition").GetProperty("metric").GetProperty("op").GetString());
    }

    [Fact]
    public async Task Stale_if_match_is_412_for_put_and_delete_and_changes_nothing()
    {
        await using var factory = new RulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        var created = await client.PostAsJsonAsync("/api/v1/rules", RuleBodies.Metric(), Ct);
        var id = (await ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString();
        var stale = created.Headers.ETag!.Tag;
        await ReadAsync(await SendAsync(client, HttpMethod.Put, $"/api/v1/rules/{id}", RuleBodies.Metric(agg: "max"), null), HttpStatusCode.OK);

        var put = await ReadAsync(await SendAsync(client, HttpMethod.Put, $"/api/v1/rules/{id}", RuleBodies.Metric(agg: "min"), stale), HttpStatusCode.PreconditionFailed);
        var delete = await ReadAsync(await SendAsync(client, HttpMethod.Delete, $"/api/v1/rules/{id}", null, stale), HttpStatusCode.PreconditionFailed);

        Assert.Equal(412, put.GetProperty("status").GetInt32());
        Assert.Equal("If-Match", delete.GetProperty("field").GetString());
        Assert.Equal("max", (await GetAsync(client, $"/api/v1/rules/{id}")).GetProperty("rule").GetProperty("condition").GetProperty("metric").GetProperty("agg").GetString());
    }

    [Fact]
    public async Task Unknown_ids_are_404_problems()
    {
        await using var factory = new RulesFactory();
        var client = await factory.StartAsync(ReadWrite);

        var get = await GetAsync(client, "/api/v1/rules/nope", HttpStatusCode.NotFound);
        await GetAsync(client, "/api/v1/rules/nope/state", HttpStatusCode.NotFound);
        await ReadAsync(await SendAsync(client, HttpMethod.Put, "/api/v1/rules/nope", RuleBodies.Metric(), null), HttpStatusCode.NotFound);
        await ReadAsync(await SendAsync(client, HttpMethod.Delete, "/api/v1/rules/nope", null, null), HttpStatusCode.NotFound);

        Assert.Contains("nope", get.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(factory.Events.Published);
    }

    [Fact]
    public async Task Writing_needs_alerts_write_and_reading_needs_alerts_read()
    {
        await using var factory = new RulesFactory();
        var reader = await factory.StartAsync(Permissions.AlertsRead);
        var nobody = factory.CreateClient().WithToken(Permissions.MetricsRead);

        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/v1/rules", RuleBodies.Metric(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nobody.GetAsync("/api/v1/rules/native", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/rules/native", Ct)).StatusCode);
    }

    [Fact]
    public async Task State_shows_a_failed_evaluation_naming_the_service_that_is_unreachable()
    {
        await using var factory = new RulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        var metricRule = (await PostAsync(client, "/api/v1/rules", RuleBodies.Metric(), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var logRule = (await PostAsync(client, "/api/v1/rules", RuleBodies.Log(), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var traceRule = (await PostAsync(client, "/api/v1/rules", RuleBodies.WithCondition(new { trace = new { signal = "error_rate", service = "api", window = "5m", op = ">", threshold = 0.1 } }), HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        var before = await GetAsync(client, $"/api/v1/rules/{metricRule}/state");

        await factory.Scheduler.EvaluateNowAsync(metricRule, Ct);
        await factory.Scheduler.EvaluateNowAsync(logRule, Ct);
        await factory.Scheduler.EvaluateNowAsync(traceRule, Ct);
        var failed = await GetAsync(client, $"/api/v1/rules/{metricRule}/state");
        var logFailed = await GetAsync(client, $"/api/v1/rules/{logRule}/state");
        var traceFailed = await GetAsync(client, $"/api/v1/rules/{traceRule}/state");

        Assert.Equal(("inactive", "unknown"), (before.GetProperty("phase").GetString(), before.GetProperty("health").GetString()));
        Assert.Equal(("inactive", "failed", 1), (failed.GetProperty("phase").GetString(), failed.GetProperty("health").GetString(), failed.GetProperty("consecutiveFailures").GetInt32()));
        Assert.Contains("metrics-service", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", logFailed.GetProperty("health").GetString());
        Assert.Contains("log-service", logFailed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", traceFailed.GetProperty("health").GetString());
        Assert.Contains("trace-service", traceFailed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return await client.SendAsync(request, Ct);
    }
}
