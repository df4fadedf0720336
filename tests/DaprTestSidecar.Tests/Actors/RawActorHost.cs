using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AirisEpm.DaprTestSidecar.Tests.Actors;

/// <summary>
/// An app hosting actor type <see cref="Type"/> over plain HTTP, without the Dapr SDK (whose runtime
/// also serialises calls per actor in-process), so what it sees is what the sidecar sends. Methods:
/// <c>meet</c> (stays until another call is inside any actor, or 3 s, answering whether one was) and
/// <c>hold/{gate}</c> (stays until the test opens the gate); reminders and timers only report.
/// </summary>
public static class RawActorHost
{
    public const string Type = "RawTurnActor";

    public static void Map(WebApplication app, TurnProbe probe)
    {
        app.MapGet("/dapr/config", () => Results.Json(new { entities = new[] { Type }, reentrancy = new { enabled = false } }));
        app.MapPut("/actors/{type}/{id}/method/meet", async (string id) =>
        {
            using var _ = probe.Enter(id, "meet");
            return Results.Json(await probe.WaitForOverallAsync(2, TimeSpan.FromSeconds(3)));
        });
        app.MapPut("/actors/{type}/{id}/method/hold/{gate}", async (string id, string gate) =>
        {
            using var _ = probe.Enter(id, "hold");
            await probe.GateAsync(gate);
            return Results.Ok();
        });
        app.MapPut("/actors/{type}/{id}/method/remind/{name}", (string id) => Report(probe, id, "reminder"));
        app.MapPut("/actors/{type}/{id}/method/timer/{name}", (string id) => Report(probe, id, "timer"));
        app.MapDelete("/actors/{type}/{id}", (string id) => Report(probe, id, "deactivate"));
    }

    private static IResult Report(TurnProbe probe, string id, string what)
    {
        using var _ = probe.Enter(id, what);
        return Results.Ok();
    }
}
