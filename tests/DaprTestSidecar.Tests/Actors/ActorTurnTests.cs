using System.Net.Http.Json;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.DaprTestSidecar.Tests.Actors;

/// <summary>
/// Turn-based concurrency as daprd runs it with reentrancy off: the double sends one call at a time
/// per actor id (methods, reminders, timers, deactivation) and calls to different ids together.
/// </summary>
public sealed class ActorTurnTests
{
    private readonly TurnProbe _probe = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(DaprTestEnvironment Env, HttpClient Caller)> StartAsync()
    {
        var env = await DaprTestEnvironment.StartAsync();
        await env.StartAppAsync(AppIds.AlertService, _ => { }, app => RawActorHost.Map(app, _probe));
        var caller = await env.Mesh.StartSidecarAsync(AppIds.MetricsService);
        return (env, new HttpClient { BaseAddress = caller.HttpEndpoint });
    }

    private static string Actor(string id) => $"/v1.0/actors/{RawActorHost.Type}/{id}";

    private static async Task<bool> MeetAsync(HttpClient caller, string id)
    {
        using var response = await caller.PutAsync($"{Actor(id)}/method/meet", null, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<bool>(Ct);
    }

    [Fact]
    public async Task Two_concurrent_calls_to_one_actor_never_overlap()
    {
        var (env, caller) = await StartAsync();
        await using var _ = env;
        using var __ = caller;

        var met = await Task.WhenAll(MeetAsync(caller, "one"), MeetAsync(caller, "one"));

        Assert.Equal([false, false], met);
        Assert.Equal(1, _probe.MostPerActor);
        Assert.Equal(["enter one meet", "leave one meet", "enter one meet", "leave one meet"], _probe.Log);
    }

    [Fact]
    public async Task Calls_to_two_actors_run_at_the_same_time()
    {
        var (env, caller) = await StartAsync();
        await using var _ = env;
        using var __ = caller;

        var met = await Task.WhenAll(MeetAsync(caller, "left"), MeetAsync(caller, "right"));

        Assert.Equal([true, true], met);
        Assert.Equal(2, _probe.MostOverall);
        Assert.Equal(1, _probe.MostPerActor);
    }

    [Fact]
    public async Task A_reminder_a_timer_and_a_deactivation_wait_for_the_call_their_actor_is_in_while_another_actors_reminder_runs()
    {
        var (env, caller) = await StartAsync();
        await using var _ = env;
        using var __ = caller;
        var due = new { dueTime = "1m" };
        (await caller.PostAsJsonAsync($"{Actor("busy")}/reminders/r", due, Ct)).EnsureSuccessStatusCode();
        (await caller.PostAsJsonAsync($"{Actor("busy")}/timers/t", due, Ct)).EnsureSuccessStatusCode();
        (await caller.PostAsJsonAsync($"{Actor("free")}/reminders/r", due, Ct)).EnsureSuccessStatusCode();
        var held = caller.PutAsync($"{Actor("busy")}/method/hold/release", null, Ct);
        await Eventually.TrueAsync(() => _probe.Log.Contains("enter busy hold"), what: "the held call");
        var deactivation = env.Mesh.Actors.DeactivateAsync(new(RawActorHost.Type, "busy"), Ct);

        env.Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => _probe.Log.Contains("leave free reminder"), what: "the free actor's reminder");
        Assert.Equal(["enter busy hold"], _probe.Log.Where(e => e.Contains(" busy ", StringComparison.Ordinal)));

        _probe.Open("release");
        (await held).EnsureSuccessStatusCode();
        await deactivation;
        await Eventually.TrueAsync(() => _probe.Log.Contains("leave busy reminder") && _probe.Log.Contains("leave busy timer"), what: "the busy actor's reminder and timer");
        var busy = _probe.Log.Where(e => e.Contains(" busy ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["enter busy hold", "leave busy hold", "enter busy deactivate", "leave busy deactivate"], busy[..4]);
        Assert.Equal(1, _probe.MostPerActor);
    }
}
