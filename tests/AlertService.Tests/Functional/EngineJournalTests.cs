using AirisEpm.AlertService.Application;
using AirisEpm.ServiceDefaults.Security;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.Functional;

/// <summary>
/// Saves after the first are deltas appended to the saved snapshot; a whole snapshot again once the journal
/// outgrows it, or after a save that failed. What a restart loads is always everything.
/// </summary>
public sealed class EngineJournalTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];
    private static readonly TimeSpan PastDebounce = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task After_the_first_whole_save_changes_are_appended_and_a_restart_from_them_neither_forgets_nor_pages_again()
    {
        EngineSnapshot saved;
        var start = DateTimeOffset.UtcNow;
        await using (var factory = new AlertServiceFactory())
        {
            var client = await factory.StartAsync(ReadWrite);
            await PostAsync(client, "/api/v2/alerts", new[] { AlertUntil(start.AddHours(1), ("alertname", "Errors"), ("service", "api")) });
            await factory.AdvanceAsync(PastDebounce);
            Assert.Equal((1, 0), (factory.EngineState.Saves, factory.EngineState.Appends));

            await PostAsync(client, "/api/v2/alerts", new[] { AlertUntil(start.AddHours(1), ("alertname", "Errors"), ("service", "db")) });
            await factory.AdvanceAsync(PastDebounce);
            Assert.Equal((1, 1), (factory.EngineState.Saves, factory.EngineState.Appends));
            Assert.Equal(2, factory.EngineState.Saved!.Alerts.Count);

            await factory.AdvanceAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(2, factory.Notifier.Sent.Count);
            Assert.Equal(1, factory.EngineState.Saves);
            Assert.NotEmpty(factory.EngineState.Saved!.Groups); // the notification log went out as a delta
            saved = factory.EngineState.Saved;
        }

        await using var restarted = new AlertServiceFactory();
        restarted.Clock.AdjustTime(start.AddMinutes(1));
        restarted.EngineState.Saved = saved;
        var again = await restarted.StartAsync(ReadWrite);

        Assert.Equal(2, (await GetAsync(again, "/api/v2/alerts")).GetArrayLength());
        await restarted.AdvanceAsync(TimeSpan.FromSeconds(1));
        await restarted.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Empty(restarted.Notifier.Sent);
    }

    [Fact]
    public async Task A_delta_the_store_refused_is_not_lost_the_next_save_is_whole()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        var until = factory.Clock.GetUtcNow().AddHours(1);
        await PostAsync(client, "/api/v2/alerts", new[] { AlertUntil(until, ("alertname", "First")) });
        await factory.AdvanceAsync(PastDebounce);

        factory.EngineState.AppendFailure = new InvalidOperationException("state store down");
        await PostAsync(client, "/api/v2/alerts", new[] { AlertUntil(until, ("alertname", "Second")) });
        await factory.AdvanceAsync(PastDebounce); // the worker's own turn may run the retry already
        factory.EngineState.AppendFailure = null;
        await factory.AdvanceAsync(PastDebounce);

        Assert.Equal((2, 0), (factory.EngineState.Saves, factory.EngineState.Appends));
        Assert.Contains(factory.EngineState.Saved!.Alerts, a => a.Labels["alertname"] == "Second");
    }

    [Fact]
    public async Task A_journal_grown_past_the_last_whole_snapshot_is_folded_into_a_whole_save()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        var until = factory.Clock.GetUtcNow().AddHours(1);
        await PostAsync(client, "/api/v2/alerts", new[] { AlertUntil(until, ("alertname", "Seed")) });
        await factory.AdvanceAsync(PastDebounce);

        foreach (var batch in Enumerable.Range(0, AlertEngineCycle.MinimumJournal + 1).Chunk(1_000))
        {
            await PostAsync(client, "/api/v2/alerts", batch.Select(i => AlertUntil(until, ("alertname", "Bulk"), ("instance", $"i{i}"))).ToArray());
        }
        await factory.AdvanceAsync(PastDebounce);
        Assert.Equal((1, 1), (factory.EngineState.Saves, factory.EngineState.Appends));

        await PostAsync(client, "/api/v2/alerts", new[] { AlertUntil(until, ("alertname", "Last")) });
        await factory.AdvanceAsync(PastDebounce);
        Assert.Equal((2, 1), (factory.EngineState.Saves, factory.EngineState.Appends));
        Assert.Equal(AlertEngineCycle.MinimumJournal + 3, factory.EngineState.Saved!.Alerts.Count);
    }
}
