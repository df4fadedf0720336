using System.Net;
using System.Text.Json;
using AirisEpm.ServiceDefaults.Security;
using static AirisEpm.AlertService.Tests.Functional.Json;
using AirisEpm.AlertService.Rules;
using AirisEpm.AlertService.Tests.Functional;
using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.AlertService.Tests.Rules;

/// <summary>
/// The reconciler heals rules whose actor start or publication failed after they were saved:
/// here the rules are put straight into the repository, as such a half-done write leaves them.
/// </summary>
public sealed class RuleReconcilerTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RuleDocument Document(object body) =>
        JsonSerializer.Deserialize<RuleDocument>(JsonSerializer.Serialize(body), JsonSerializerOptions.Web)!;

    [Fact]
    public async Task At_startup_every_stored_rule_is_started_and_the_streaming_set_is_published()
    {
        await using var factory = new RulesFactory();
        await factory.Rules.CreateAsync("windowed", Document(RuleBodies.Metric(agg: "avg")), Ct);
        await factory.Rules.CreateAsync("streaming", Document(RuleBodies.Metric(agg: "last")), Ct);

        await factory.StartAsync();

        Assert.Equal(["streaming", "windowed"], factory.Scheduler.Running.Keys.Order());
        Assert.Equal(["streaming"], factory.Streaming.Current.Rules.Keys);
    }

    [Fact]
    public async Task At_startup_a_rule_deleted_while_its_withdrawal_failed_leaves_the_streaming_set()
    {
        await using var factory = new RulesFactory();
        var ghost = new ThresholdRuleContract("ghost", "cpu_usage", [], ">", 1, 0);
        await factory.Streaming.UpdateAsync(set => set.With("ghost", ghost, DateTimeOffset.UtcNow), Ct);

        await factory.StartAsync();

        Assert.Empty(factory.Streaming.Current.Rules);
    }

    [Fact]
    public async Task A_pass_that_could_not_start_a_rule_is_retried_after_the_retry_delay()
    {
        await using var factory = new RulesFactory();
        await factory.StartAsync();
        var reconciler = factory.Reconciler;
        await factory.Rules.CreateAsync("orphan", Document(RuleBodies.Metric(agg: "last")), Ct);
        factory.Scheduler.FailingStarts = 1;

        var first = await reconciler.TryReconcileAsync(Ct);
        var second = await reconciler.TryReconcileAsync(Ct);

        Assert.Equal((false, true), (first, second));
        Assert.Equal(1, factory.Scheduler.Running["orphan"]);
        var published = factory.Events.Published.OfType<AlertRulesChanged>().ToList();
        Assert.Equal(2, published.Count);
        Assert.All(published, p => Assert.Equal("orphan", Assert.Single(p.StreamingRules).RuleId));
        Assert.True(published[1].Version > published[0].Version);
    }

    [Fact]
    public async Task The_background_loop_retries_a_failed_first_pass_once_the_retry_delay_has_passed()
    {
        await using var factory = new RulesFactory { FailingStartsAtBoot = 1 };
        await factory.Rules.CreateAsync("late", Document(RuleBodies.Metric()), Ct);
        await factory.StartAsync();
        Assert.False(factory.Scheduler.Running.ContainsKey("late"));

        // Nudged a second at a time: the loop may not have begun its 5 s wait when the test gets here.
        await Eventually.TrueAsync(() =>
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            return factory.Scheduler.Running.ContainsKey("late");
        }, "the retried pass starts the rule");
    }

    [Fact]
    public async Task A_resync_keeps_a_streaming_rule_created_while_it_ran_and_does_not_revive_one_deleted_meanwhile()
    {
        await using var factory = new RulesFactory();
        var client = await factory.StartAsync(ReadWrite);
        var doomed = (await PostAsync(client, "/api/v1/rules", RuleBodies.Metric(agg: "last"), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        string? born = null;
        factory.Streaming.AfterRead = async () =>
        {
            factory.Streaming.AfterRead = null; // once: between the resync's listing and its save
            born = (await PostAsync(client, "/api/v1/rules", RuleBodies.Metric(agg: "last"), HttpStatusCode.Created)).GetProperty("id").GetString();
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/rules/{doomed}", Ct)).StatusCode);
        };

        var published = await factory.PublishAllAsync();

        Assert.Equal([born], published.StreamingRules.Select(r => r.RuleId));
        Assert.Equal([born], factory.Streaming.Current.Rules.Keys);
    }
}
