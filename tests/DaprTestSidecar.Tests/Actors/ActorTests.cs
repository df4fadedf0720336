using AirisEpm.DaprTestSidecar.Actors;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Actors;
using Dapr.Actors.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.DaprTestSidecar.Tests.Actors;

public sealed class ActorTests
{
    private static async Task<(DaprTestEnvironment Env, IActorProxyFactory Proxies)> StartAsync()
    {
        var env = await DaprTestEnvironment.StartAsync();
        var host = await env.StartAppAsync(AppIds.AlertService, builder =>
            builder.Services.AddActors(options =>
            {
                options.Actors.RegisterActor<CounterActor>();
                options.HttpEndpoint = env.Mesh.Sidecars.Single().HttpEndpoint.ToString().TrimEnd('/');
            }),
            app => app.MapActorsHandlers());
        var caller = await env.Mesh.StartSidecarAsync(AppIds.MetricsService);
        return (env, new ActorProxyFactory(new ActorProxyOptions { HttpEndpoint = caller.HttpEndpoint.ToString().TrimEnd('/') }));
    }

    [Fact]
    public async Task An_actor_method_is_called_through_actor_proxy_and_keeps_its_state()
    {
        var (env, proxies) = await StartAsync();
        await using var _ = env;
        var counter = proxies.CreateActorProxy<ICounterActor>(new ActorId("c-1"), nameof(CounterActor));

        Assert.Equal(2, await counter.IncrementAsync(2));
        Assert.Equal(5, await counter.IncrementAsync(3));
        Assert.Equal(5, await proxies.CreateActorProxy<ICounterActor>(new ActorId("c-1"), nameof(CounterActor)).GetAsync());
        Assert.Equal(0, await proxies.CreateActorProxy<ICounterActor>(new ActorId("c-2"), nameof(CounterActor)).GetAsync());
        Assert.Contains(new ActorKey(nameof(CounterActor), "c-1"), env.Mesh.Actors.Active);
    }

    [Fact]
    public async Task A_reminder_fires_when_the_clock_passes_its_due_time()
    {
        var (env, proxies) = await StartAsync();
        await using var _ = env;
        var counter = proxies.CreateActorProxy<ICounterActor>(new ActorId("r-1"), nameof(CounterActor));
        await counter.RemindInAsync(TimeSpan.FromMinutes(5));

        env.Clock.Advance(TimeSpan.FromMinutes(4));
        await env.Mesh.Sidecar(AppIds.AlertService).Scheduler.IdleAsync();
        Assert.Equal(0, await counter.GetAsync());

        env.Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => counter.GetAsync().GetAwaiter().GetResult() == 100, what: "the reminder");
        Assert.Null(env.Mesh.Actors.Find(new ActorKey(nameof(CounterActor), "r-1"), "bump", isReminder: true));
    }

    [Fact]
    public async Task A_missing_reminder_is_a_failed_get_as_in_daprd_and_a_registered_one_reads_back_its_period()
    {
        var (env, proxies) = await StartAsync();
        await using var _ = env;
        var counter = proxies.CreateActorProxy<ICounterActor>(new ActorId("g-1"), nameof(CounterActor));

        var before = await counter.BumpPeriodAsync();
        await counter.RemindInAsync(TimeSpan.FromMinutes(5));
        var after = await counter.BumpPeriodAsync();

        Assert.Equal("ERR_ACTOR_REMINDER_GET", before);
        Assert.Equal(TimeSpan.FromMilliseconds(-1).ToString(), after);
    }

    [Fact]
    public async Task A_timer_fires_each_period_of_the_clock()
    {
        var (env, proxies) = await StartAsync();
        await using var _ = env;
        var counter = proxies.CreateActorProxy<ICounterActor>(new ActorId("t-1"), nameof(CounterActor));
        await counter.TickEveryAsync(TimeSpan.FromSeconds(10));

        env.Clock.Advance(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => counter.GetAsync().GetAwaiter().GetResult() == 10, what: "the first tick");
        env.Clock.Advance(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => counter.GetAsync().GetAwaiter().GetResult() == 20, what: "the second tick");
    }

    [Fact]
    public async Task An_idle_actor_is_deactivated_on_the_clock()
    {
        var (env, proxies) = await StartAsync();
        await using var _ = env;
        await proxies.CreateActorProxy<ICounterActor>(new ActorId("idle"), nameof(CounterActor)).IncrementAsync(1);

        Assert.Single(env.Mesh.Actors.Active);
        env.Clock.Advance(TimeSpan.FromMinutes(61));

        await Eventually.TrueAsync(() => env.Mesh.Actors.Active.Count == 0, what: "deactivation");
    }
}
