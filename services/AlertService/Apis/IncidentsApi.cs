using AirisEpm.AlertService.Incidents;
using AirisEpm.ServiceDefaults.Security;
using Dapr.Actors;
using Dapr.Actors.Client;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.AlertService.Apis;

/// <summary>/api/v1/incidents: list, inspect, acknowledge (stops escalation) and resolve incidents.</summary>
public static class IncidentsApi
{
    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/incidents").WithTags("Incidents");
        api.MapGet("/", List).WithName("ListIncidents").RequireAuthorization(Permissions.AlertsRead);
        api.MapGet("/{id}", Get).WithName("GetIncident").RequireAuthorization(Permissions.AlertsRead);
        api.MapPost("/{id}/ack", Acknowledge).WithName("AcknowledgeIncident").RequireAuthorization(Permissions.AlertsWrite);
        api.MapPost("/{id}/resolve", Resolve).WithName("ResolveIncident").RequireAuthorization(Permissions.AlertsWrite);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<IncidentSummary>>, ValidationProblem>> List(
        IIncidentIndex index, string? status, CancellationToken ct)
    {
        IncidentStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<IncidentStatus>(status, ignoreCase: true, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["status"] = [$"'{status}' is not one of triggered, acknowledged, resolved."],
                });
            }

            wanted = parsed;
        }

        var all = await index.ListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<IncidentSummary>>(all.Where(i => wanted is null || i.Status == wanted).ToList());
    }

    public static async Task<Results<Ok<Incident>, NotFound<ProblemDetails>>> Get(string id, IActorProxyFactory actors) =>
        Found(id, Actor(id, actors) is { } actor ? await actor.GetAsync() : null);

    public static Task<Results<Ok<Incident>, NotFound<ProblemDetails>>> Acknowledge(
        string id, IActorProxyFactory actors, HttpContext http) =>
        ChangeAsync(id, actors, actor => actor.AcknowledgeAsync(Who(http)));

    public static Task<Results<Ok<Incident>, NotFound<ProblemDetails>>> Resolve(
        string id, IActorProxyFactory actors, HttpContext http) =>
        ChangeAsync(id, actors, actor => actor.ResolveAsync($"resolved by {Who(http)}"));

    /// <summary>Changes the incident only when the id is the actor's current one, never a newer incident of the group.</summary>
    private static async Task<Results<Ok<Incident>, NotFound<ProblemDetails>>> ChangeAsync(
        string id, IActorProxyFactory actors, Func<IIncidentActor, Task<Incident?>> change)
    {
        if (Actor(id, actors) is not { } actor || (await actor.GetAsync())?.Id != id)
        {
            return Found(id, null);
        }

        return Found(id, await change(actor));
    }

    private static IIncidentActor? Actor(string incidentId, IActorProxyFactory actors) =>
        IncidentIds.ActorIdOf(incidentId) is { } actorId
            ? IncidentActorProxy.ForActorId(actors, actorId)
            : null;

    /// <summary>The actor holds the group's latest incident; an older id of the same group is not found.</summary>
    private static Results<Ok<Incident>, NotFound<ProblemDetails>> Found(string id, Incident? incident) =>
        incident is not null && incident.Id == id
            ? TypedResults.Ok(incident)
            : TypedResults.NotFound(new ProblemDetails
            {
                Title = "Incident not found",
                Detail = $"No incident has the id '{id}'.",
                Status = StatusCodes.Status404NotFound,
            });

    private static string Who(HttpContext http) => http.User.FindFirst("sub")?.Value ?? "anonymous";
}
