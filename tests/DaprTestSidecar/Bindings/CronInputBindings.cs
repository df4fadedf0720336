using AirisEpm.DaprTestSidecar.Hosting;

namespace AirisEpm.DaprTestSidecar.Bindings;

/// <summary>bindings.cron input bindings: POST /{binding-name} on the app on its schedule, on the mesh clock.</summary>
public static class CronInputBindings
{
    public static IReadOnlyList<ITimer> Start(DaprMesh mesh, TestSidecar sidecar, ClockScheduler scheduler)
    {
        var timers = new List<ITimer>();
        foreach (var component in mesh.Components.VisibleTo(sidecar.AppId).Where(c => c.Type == "bindings.cron"))
        {
            var metadata = mesh.Secrets.Metadata(component);
            var period = CronSchedule.Period(metadata.GetValueOrDefault("schedule") ?? "");
            timers.Add(scheduler.Schedule(period, period, async cancellationToken =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, component.Name)
                {
                    Content = new ByteArrayContent([]),
                };
                request.Content.Headers.ContentType = new("application/json");
                request.Headers.TryAddWithoutValidation("traceparent", TraceContext.ChildOf(null));
                using var response = await sidecar.Channel.SendAsync(request, cancellationToken);
                var error = response.IsSuccessStatusCode ? null : $"app answered {(int)response.StatusCode}";
                mesh.Bindings.Record(new BindingCall(sidecar.AppId, component.Name, component.Type,
                    new BindingRequest("input", [], new Dictionary<string, string>()), error, mesh.Clock.GetUtcNow()));
            }));
        }

        return timers;
    }
}
