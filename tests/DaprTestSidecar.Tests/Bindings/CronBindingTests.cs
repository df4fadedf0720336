using AirisEpm.DaprTestSidecar.Harness;
using AirisEpm.ServiceDefaults.Dapr;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AirisEpm.DaprTestSidecar.Tests.Bindings;

public sealed class CronBindingTests
{
    [Fact]
    public async Task Cron_input_binding_posts_to_the_app_each_period_of_the_clock()
    {
        await using var env = await DaprTestEnvironment.StartAsync();
        var ticks = 0;
        await env.StartAppAsync(AppIds.MetricsService, _ => { }, app =>
            app.MapPost($"/{DaprComponents.ScrapeTick}", () =>
            {
                Interlocked.Increment(ref ticks);
                return Results.Ok();
            }));

        env.Clock.Advance(TimeSpan.FromSeconds(14));
        await env.Mesh.Sidecar(AppIds.MetricsService).Scheduler.IdleAsync();
        Assert.Equal(0, ticks);

        env.Clock.Advance(TimeSpan.FromSeconds(16));
        await Eventually.TrueAsync(() => env.Mesh.Bindings.For(DaprComponents.ScrapeTick).Count == 2, what: "two recorded ticks after 30 s");
        Assert.Equal(2, Volatile.Read(ref ticks));
    }
}
