using System.Text.Json;
using System.Text.RegularExpressions;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.EngineHosting;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;
using static AirisEpm.AlertService.Tests.Functional.Json;

namespace AirisEpm.AlertService.Tests.Functional;

/// <summary>
/// Handing the engine over (the engine actor leaving this replica) saves it and empties the local
/// copy, so this replica neither flushes nor pages; taking it over restores it from the store.
/// </summary>
public sealed class EngineOwnershipTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hand_over_saves_and_empties_the_engine_and_take_over_restores_it()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(Permissions.AlertsRead, Permissions.AlertsWrite);
        var ownership = factory.Services.GetRequiredService<EngineOwnership>();
        var engine = factory.Services.GetRequiredService<AlertEngine>();
        await PostAsync(client, "/api/v2/alerts", new[] { new { labels = new Dictionary<string, string> { ["alertname"] = "Moved" } } });
        var savesBefore = factory.EngineState.Saves;

        await ownership.HandOverAsync(Ct);
        var afterHandOver = (engine.IsRestored, engine.Alerts().Count, ownership.IsOwner);
        await factory.AdvanceAsync(TimeSpan.FromMinutes(1)); // group_wait passes: a handed-over engine pages nobody
        await ownership.TakeOverAsync(Ct);

        Assert.Equal((false, 0, false), afterHandOver);
        Assert.Equal(savesBefore + 1, factory.EngineState.Saves);
        Assert.Empty(factory.Notifier.Sent);
        Assert.True(ownership.IsOwner);
        Assert.Equal("Moved", Assert.Single(engine.Alerts()).Alert.Labels["alertname"]);
    }

    [Fact]
    public async Task Health_and_metrics_show_the_engine_answering_and_hosted_here()
    {
        await using var factory = new AlertServiceFactory();
        var client = await factory.StartAsync(Permissions.AlertsRead);

        // Polled: the Prometheus exporter may answer from its short scrape cache.
        await Eventually.TrueAsync(() => EngineCheck(client) == "Healthy", "the alert-engine health check to pass");
        await Eventually.TrueAsync(
            () => Regex.IsMatch(client.GetStringAsync("/metrics", Ct).GetAwaiter().GetResult(), @"(?m)^airis_alerts_engine_host(\{[^}]*\})?\s+1\s*$"),
            "airis_alerts_engine_host to read 1");
    }

    private static string? EngineCheck(HttpClient client)
    {
        // Read whatever the status code: without a sidecar the overall status is unhealthy (503).
        using var response = client.GetAsync("/health", Ct).GetAwaiter().GetResult();
        var health = response.Content.ReadAsStringAsync(Ct).GetAwaiter().GetResult();
        return JsonDocument.Parse(health).RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "alert-engine").GetProperty("status").GetString();
    }
}
