using System.Net;
using System.Net.Http.Json;
using AirisEpm.ServiceDefaults.Security;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.Functional;

/// <summary>A silence is in the silence store before its answer; one that cannot be saved is refused and not kept.</summary>
public sealed class SilenceDurabilityTests
{
    private static readonly string[] ReadWrite = [Permissions.AlertsRead, Permissions.AlertsWrite];

    [Fact]
    public async Task A_silence_and_its_expiry_are_saved_before_the_answer()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);

        var created = await PostAsync(client, "/api/v2/silences", Silences.For(new { name = "service", value = "api", isRegex = false }));
        var id = created.GetProperty("silenceID").GetString()!;
        Assert.True(factory.SilenceState.Saved.ContainsKey(id));
        Assert.Equal(0, factory.EngineState.Saves); // not waiting for the debounced snapshot

        var deleted = await client.DeleteAsync($"/api/v2/silence/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.True(factory.SilenceState.Saved[id].EndsAt <= factory.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_silence_the_store_refuses_is_answered_503_and_not_kept()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(ReadWrite);
        factory.SilenceState.SaveFailure = new InvalidOperationException("state store down");

        var refused = await client.PostAsJsonAsync("/api/v2/silences", Silences.For(new { name = "service", value = "api", isRegex = false }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(0, (await GetAsync(client, "/api/v2/silences")).GetArrayLength());
    }

    [Fact]
    public async Task A_restart_restores_a_silence_the_last_snapshot_did_not_hold()
    {
        string id;
        var silences = new InMemorySilenceStateStore();
        await using (var before = new AlertServiceFactory { SilenceState = silences })
        {
            var client = await before.StartAsync(ReadWrite);
            id = (await PostAsync(client, "/api/v2/silences", Silences.For(new { name = "service", value = "api", isRegex = false })))
                .GetProperty("silenceID").GetString()!;
        }

        await using var after = new AlertServiceFactory { SilenceState = silences }; // no engine snapshot: the crash came first
        var restarted = await after.StartAsync(ReadWrite);
        var silence = await GetAsync(restarted, $"/api/v2/silence/{id}");
        Assert.Equal("active", silence.GetProperty("status").GetProperty("state").GetString());

        await PostAsync(restarted, "/api/v2/alerts", new[] { AlertUntil(after.Clock.GetUtcNow().AddHours(1), ("alertname", "Errors"), ("service", "api")) });
        await after.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Empty(after.Notifier.Sent);
    }
}
