using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AirisEpm.DaprTestSidecar.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AirisEpm.DaprTestSidecar.Tests.Support;

/// <summary>
/// An in-test app that declares its subscriptions as raw /dapr/subscribe JSON and records every
/// CloudEvent the sidecar posts, answering each route as the test says.
/// </summary>
public sealed class RecordingSubscriber
{
    private readonly ConcurrentQueue<(string Path, string? ContentType, JsonObject Envelope)> _received = new();

    public IReadOnlyList<(string Path, string? ContentType, JsonObject Envelope)> Received => _received.ToList();

    public IReadOnlyList<JsonObject> At(string path) => _received.Where(r => r.Path == path).Select(r => r.Envelope).ToList();

    public static async Task<(RecordingSubscriber Subscriber, RunningApp App)> StartAsync(
        DaprTestEnvironment env, string appId, string subscriptionsJson, Func<string, int, IResult> answer)
    {
        var subscriber = new RecordingSubscriber();
        var app = await env.StartAppAsync(appId, _ => { }, web =>
        {
            web.MapGet("/dapr/subscribe", () => Results.Text(subscriptionsJson, "application/json"));
            web.MapPost("/{**path}", async (string path, HttpRequest request) =>
            {
                var envelope = (await JsonNode.ParseAsync(request.Body))!.AsObject();
                subscriber._received.Enqueue(("/" + path, request.ContentType, envelope));
                return answer("/" + path, subscriber._received.Count(r => r.Path == "/" + path));
            });
        });
        return (subscriber, app);
    }
}
