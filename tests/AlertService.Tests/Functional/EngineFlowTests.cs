using AirisEpm.AlertService.Application;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.Functional;

/// <summary>The engine end to end through the API, on a fake clock: grouping timers, dedup, silences, persistence.</summary>
public sealed class EngineFlowTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];

    [Fact]
    public async Task Alert_is_notified_once_after_group_wait_and_again_only_when_something_changes()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        var until = factory.Clock.GetUtcNow().AddHours(1);
        await PostAsync(client, "/api/v2/alerts", new[] { AlertUntil(until, ("alertname", "Errors"), ("service", "api")) });

        await factory.AdvanceAsync(TimeSpan.FromSeconds(29));
        Assert.Empty(factory.Notifier.Sent);
        await factory.AdvanceAsync(TimeSpan.FromSeconds(2));
        var first = Assert.Single(factory.Notifier.Sent);
        Assert.Equal("oncall", first.Receiver);
        Assert.Single(first.Firing);

        await PostAsync(client, "/api/v2/alerts", new[] { AlertUntil(until, ("alertname", "Errors"), ("service", "api")) });
        await factory.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Single(factory.Notifier.Sent);

        await PostAsync(client, "/api/v2/alerts", new[] { AlertUntil(until, ("alertname", "Errors"), ("service", "api"), ("instance", "2")) });
        await factory.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(2, factory.Notifier.Sent.Count);
        Assert.Equal(2, factory.Notifier.Sent.Last().Firing.Count);
    }

    [Fact]
    public async Task Silenced_alert_pages_nobody()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        await PostAsync(client, "/api/v2/silences", Silences.For(new { name = "service", value = "api", isRegex = false }));
        await PostAsync(client, "/api/v2/alerts", new[] { Alert(("alertname", "Errors"), ("service", "api")) });

        await factory.AdvanceAsync(TimeSpan.FromMinutes(1));
        await factory.AdvanceAsync(TimeSpan.FromMinutes(6));

        Assert.Empty(factory.Notifier.Sent);
    }

    [Fact]
    public async Task Failed_delivery_is_retried_with_back_off_and_not_again_once_delivered()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        factory.Notifier.Succeed = false;
        await PostAsync(client, "/api/v2/alerts", new[] { AlertUntil(factory.Clock.GetUtcNow().AddHours(1), ("alertname", "Errors"), ("service", "api")) });

        await factory.AdvanceAsync(TimeSpan.FromSeconds(31));
        await factory.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Single(factory.Notifier.Sent); // the first retry waits 2 s
        await factory.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, factory.Notifier.Sent.Count);
        Assert.Equal(1, factory.Notifier.Sent.Last().Attempt);
        factory.Notifier.Succeed = true;
        await factory.AdvanceAsync(TimeSpan.FromSeconds(4)); // the second retry, 4 s later, is delivered
        await factory.AdvanceAsync(TimeSpan.FromMinutes(5));
        await factory.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(3, factory.Notifier.Sent.Count);
        Assert.Equal(2, factory.Notifier.Sent.Last().Attempt);
    }

    [Fact]
    public async Task Reloading_the_configuration_keeps_the_notification_log_so_nobody_is_paged_twice()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        await PostAsync(client, "/api/v2/alerts", new[] { AlertUntil(factory.Clock.GetUtcNow().AddHours(1), ("alertname", "Errors"), ("service", "api")) });
        await factory.AdvanceAsync(TimeSpan.FromSeconds(31));
        Assert.Single(factory.Notifier.Sent);

        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "alerting.yml")) + "\n# reloaded\n";
        var put = await client.PutAsync("/api/v1/alerting/config", new StringContent(yaml, System.Text.Encoding.UTF8, "application/yaml"), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, put.StatusCode);
        await factory.AdvanceAsync(TimeSpan.FromMinutes(1));
        await factory.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Single(factory.Notifier.Sent);
    }

    [Fact]
    public async Task Notifier_that_throws_does_not_lose_the_page()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        factory.Notifier.Failure = new InvalidOperationException("bug in a channel");
        await PostAsync(client, "/api/v2/alerts", new[] { AlertUntil(factory.Clock.GetUtcNow().AddHours(1), ("alertname", "Errors"), ("service", "api")) });

        await factory.AdvanceAsync(TimeSpan.FromSeconds(31));
        factory.Notifier.Failure = null;
        await factory.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(2, factory.Notifier.Sent.Count);
    }

    [Fact]
    public async Task State_is_saved_and_a_restarted_service_neither_forgets_nor_pages_again()
    {
        EngineSnapshot saved;
        var start = DateTimeOffset.UtcNow;
        await using (var factory = new AlertServiceFactory())
        {
            var client = await factory.StartAsync(ReadWrite);
            await PostAsync(client, "/api/v2/alerts", new[] { AlertUntil(start.AddHours(1), ("alertname", "Errors"), ("service", "api")) });
            await PostAsync(client, "/api/v2/silences", Silences.For(new { name = "service", value = "db", isRegex = false }));
            await factory.AdvanceAsync(TimeSpan.FromSeconds(31));
            Assert.Single(factory.Notifier.Sent);
            await factory.AdvanceAsync(TimeSpan.FromSeconds(3));
            saved = factory.EngineState.Saved ?? throw new InvalidOperationException("nothing was saved");
        }

        await using var restarted = new AlertServiceFactory();
        restarted.Clock.AdjustTime(start.AddMinutes(1));
        restarted.EngineState.Saved = saved;
        var again = await restarted.StartAsync(ReadWrite);

        Assert.Single((await GetAsync(again, "/api/v2/alerts")).EnumerateArray());
        Assert.Single((await GetAsync(again, "/api/v2/silences")).EnumerateArray());
        await restarted.AdvanceAsync(TimeSpan.FromSeconds(1));
        await restarted.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Empty(restarted.Notifier.Sent);
    }

    [Fact]
    public async Task Nothing_is_saved_before_the_restore_succeeded()
    {
        await using var typed = new AlertServiceFactory();
        typed.With("Alerting:RestoreRetryDelay", "00:00:00.050");
        typed.EngineState.LoadFailure = new InvalidOperationException("sidecar not up yet");
        var client = typed.CreateClient().WithToken(ReadWrite);
        var engine = typed.Services.GetRequiredService<AlertEngine>();

        await PostAsync(client, "/api/v2/alerts", new[] { Alert(("alertname", "Early"), ("service", "api")) });
        await typed.AdvanceAsync(TimeSpan.FromSeconds(40));
        Assert.False(engine.IsRestored);
        Assert.Equal(0, typed.EngineState.Saves);
        Assert.Empty(typed.Notifier.Sent);

        typed.EngineState.LoadFailure = null;
        await Eventually.TrueAsync(() =>
        {
            typed.Clock.Advance(TimeSpan.FromMilliseconds(50));
            return engine.IsRestored;
        }, "the restore is retried and succeeds");
        await typed.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Single(typed.Notifier.Sent);
        Assert.Contains(typed.EngineState.Saved!.Alerts, a => a.Labels["alertname"] == "Early");
    }
}
