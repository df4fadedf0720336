using System.Text.Json;
using AirisEpm.DaprTestSidecar.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AirisEpm.Console.Tests.Support;

/// <summary>
/// A small app beside its own sidecar, standing in for one service: it echoes what reached it (method, raw path and
/// query, headers, body, the token's claims), answers /health with <paramref name="health"/>, a 403 ProblemDetails at
/// /forbidden, and a Server-Sent Events stream at /events whose second event waits for <see cref="ReleaseSecondEvent"/>.
/// </summary>
public sealed class StandInService
{
    // One gate per stream: releasing it arms a fresh one, so every test's second event waits for its own release.
    private TaskCompletionSource _second = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RunningApp App { get; private set; } = null!;

    public void ReleaseSecondEvent() =>
        Interlocked.Exchange(ref _second, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task<StandInService> StartAsync(DaprTestEnvironment environment, string appId, string health)
    {
        App = await environment.StartAppAsync(appId, _ => { }, app =>
        {
            app.MapGet("/health", () => Results.Json(new
            {
                status = health,
                checks = new object[]
                {
                    new { name = "dapr-sidecar", status = "Healthy", description = "The Dapr sidecar answered." },
                    new { name = "store", status = health, description = $"store is {health}" },
                },
            }, statusCode: health == "Unhealthy" ? 503 : 200));
            app.MapGet("/forbidden", () => Results.Problem(title: "Forbidden", detail: "needs alerts:write", statusCode: 403));
            app.MapGet("/events", async (HttpContext context) =>
            {
                var gate = Volatile.Read(ref _second);
                context.Response.ContentType = "text/event-stream";
                await context.Response.WriteAsync("data: one\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await gate.Task.WaitAsync(context.RequestAborted);
                await context.Response.WriteAsync("data: two\n\n", context.RequestAborted);
            });
            app.Map("/{**path}", EchoAsync);
        });
        return this;
    }

    private static async Task EchoAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        var bearer = context.Request.Headers.Authorization.ToString();
        var token = bearer.StartsWith("Bearer ", StringComparison.Ordinal) ? new JsonWebTokenHandler().ReadJsonWebToken(bearer["Bearer ".Length..]) : null;
        await context.Response.WriteAsJsonAsync(new
        {
            method = context.Request.Method,
            target = context.Features.Get<IHttpRequestFeature>()?.RawTarget,
            contentType = context.Request.ContentType,
            body,
            headers = context.Request.Headers.Keys.Select(k => k.ToLowerInvariant()).Order().ToArray(),
            sub = token?.Subject,
            audiences = token?.Audiences.ToArray(),
            permissions = token?.Claims.Where(c => c.Type == "permissions").Select(c => c.Value).ToArray(),
            lifetimeSeconds = token is null ? 0 : (token.ValidTo - token.IssuedAt).TotalSeconds,
        }, JsonSerializerOptions.Web, context.RequestAborted);
    }
}
