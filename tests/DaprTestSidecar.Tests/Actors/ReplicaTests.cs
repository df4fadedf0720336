using AirisEpm.DaprTestSidecar.Actors;
using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.DaprTestSidecar.Tests.Support;
using AirisEpm.ServiceDefaults.Dapr;
using Dapr.Actors;
using Dapr.Actors.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.DaprTestSidecar.Tests.Actors;

/// <summary>Several replicas of one app id: one copy of each message per app, and actors placed across replicas.</summary>
public sealed class ReplicaTests
{
    private const string Subscriptions = """[{"pubsubname":"pubsub","topic":"t.ok","route":"/ok"}]""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_message_reaches_one_replica_of_the_subscribing_app_and_the_replicas_take_turns()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var (first, _) = await RecordingSubscriber.StartAsync(env, AppIds.AlertService, Subscriptions, (_, _) => Results.Ok());
        var (second, _) = await RecordingSubscriber.StartAsync(env, AppIds.AlertService, Subscriptions, (_, _) => Results.Ok());
        using var publisher = DaprClients.For(await env.Mesh.StartSidecarAsync(AppIds.MetricsService));

        for (var i = 0; i < 4; i++)
        {
            await publisher.PublishEventAsync(DaprComponents.PubSub, "t.ok", new { value = i }, cancellationToken: Ct);
        }

        await Eventually.TrueAsync(() => first.Received.Count + second.Received.Count == 4, what: "four deliveries");
        await env.Mesh.PubSub.IdleAsync();
        Assert.Equal(4, first.Received.Count + second.Received.Count);
        Assert.Equal((2, 2), (first.Received.Count, second.Received.Count));
    }

    [Fact]
    public async Task Actors_spread_over_replicas_and_one_that_moves_when_a_replica_joins_is_deactivated_where_it_was()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var firstHost = await StartCounterHostAsync(env);
        var proxies = new ActorProxyFactory(new ActorProxyOptions
        {
            HttpEndpoint = (await env.Mesh.StartSidecarAsync(AppIds.MetricsService)).HttpEndpoint.ToString().TrimEnd('/'),
        });
        var ids = Enumerable.Range(0, 20).Select(i => $"c-{i}").ToList();
        foreach (var id in ids)
        {
            await proxies.CreateActorProxy<ICounterActor>(new ActorId(id), nameof(CounterActor)).IncrementAsync(1);
        }

        var secondHost = await StartCounterHostAsync(env);

        var keys = ids.Select(id => new ActorKey(nameof(CounterActor), id)).ToList();
        var moved = keys.Where(k => env.Mesh.Actors.HostOf(k) == secondHost.Sidecar).ToList();
        Assert.NotEmpty(moved);
        Assert.NotEmpty(keys.Except(moved));
        Assert.All(moved, k => Assert.DoesNotContain(k, env.Mesh.Actors.Active));
        Assert.All(keys.Except(moved), k => Assert.Contains(k, env.Mesh.Actors.Active));
        Assert.All(keys.Except(moved), k => Assert.Equal(firstHost.Sidecar, env.Mesh.Actors.HostOf(k)));
        // A moved actor activates on its new replica with the state the old one saved.
        Assert.Equal(2, await proxies.CreateActorProxy<ICounterActor>(new ActorId(moved[0].Id), nameof(CounterActor)).IncrementAsync(1));
    }

    /// <summary>A replica of an app hosting <see cref="CounterActor"/>, its actor runtime talking to its own sidecar.</summary>
    private static Task<RunningApp> StartCounterHostAsync(DaprTestEnvironment env) =>
        env.StartAppAsync(AppIds.AlertService, builder =>
            builder.Services.AddActors(options =>
            {
                options.Actors.RegisterActor<CounterActor>();
                options.HttpEndpoint = env.Mesh.Replicas(AppIds.AlertService)[^1].HttpEndpoint.ToString().TrimEnd('/');
            }),
            web => web.MapActorsHandlers());
}
