using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.WebConsole.Dashboards;

/// <summary>
/// /api/dashboards: reading needs <c>metrics:read</c> (a viewer), changing needs <c>alerts:write</c> (an editor).
/// A save sends the version it was based on and gets 409 when someone saved in between. Imports: <see cref="DashboardImportApi"/>.
/// </summary>
public static class DashboardsApi
{
    public const string Path = "/api/dashboards";

    public static IEndpointRouteBuilder MapDashboardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).WithTags("Dashboards");
        api.MapGet("/", ListAsync).WithName("ListDashboards").RequireAuthorization(Permissions.MetricsRead);
        api.MapGet("/{id}", GetAsync).WithName("GetDashboard").RequireAuthorization(Permissions.MetricsRead);
        api.MapPost("/", CreateAsync).WithName("CreateDashboard").RequireAuthorization(Permissions.AlertsWrite)
            .WithValidation<Dashboard>();
        api.MapPut("/{id}", UpdateAsync).WithName("UpdateDashboard").RequireAuthorization(Permissions.AlertsWrite)
            .WithValidation<Dashboard>();
        api.MapDelete("/{id}", DeleteAsync).WithName("DeleteDashboard").RequireAuthorization(Permissions.AlertsWrite);
        api.MapDashboardImportApi();
        return app;
    }

    public static async Task<Ok<IReadOnlyList<DashboardSummary>>> ListAsync(IDashboardRepository dashboards, CancellationToken ct) =>
        TypedResults.Ok(await dashboards.ListAsync(ct));

    public static async Task<Results<Ok<Dashboard>, NotFound<ProblemDetails>>> GetAsync(string id, IDashboardRepository dashboards, CancellationToken ct) =>
        DashboardIds.IsValid(id) && await dashboards.GetAsync(id, ct) is { } dashboard ? TypedResults.Ok(dashboard) : NotFoundProblem(id);

    public static async Task<Results<Created<Dashboard>, Conflict<ProblemDetails>>> CreateAsync(
        Dashboard dashboard, IDashboardRepository dashboards, CancellationToken ct)
    {
        var write = await dashboards.CreateAsync(dashboard with { Id = DashboardIds.New() }, ct);
        return write.Outcome == DashboardWriteOutcome.Done
            ? TypedResults.Created($"{Path}/{write.Dashboard!.Id}", write.Dashboard)
            : TypedResults.Conflict(Problem(StatusCodes.Status409Conflict, "Dashboard id taken", "A dashboard was created with the same id at the same moment; send it again."));
    }

    public static async Task<Results<Ok<Dashboard>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> UpdateAsync(
        string id, Dashboard dashboard, IDashboardRepository dashboards, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (dashboard.Id.Length > 0 && dashboard.Id != id)
        {
            errors["id"] = [$"The body is dashboard '{dashboard.Id}' but the URL names '{id}'."];
        }

        if (dashboard.Version < 1)
        {
            errors["version"] = ["'version' must be the version the change was based on (1 or more)."];
        }

        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (!DashboardIds.IsValid(id)) return NotFoundProblem(id);

        var write = await dashboards.UpdateAsync(dashboard with { Id = id }, dashboard.Version, ct);
        return write.Outcome switch
        {
            DashboardWriteOutcome.Done => TypedResults.Ok(write.Dashboard!),
            DashboardWriteOutcome.NotFound => NotFoundProblem(id),
            _ => VersionConflict(id, dashboard.Version, write.Dashboard),
        };
    }

    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteAsync(string id, IDashboardRepository dashboards, CancellationToken ct)
    {
        if (!DashboardIds.IsValid(id)) return NotFoundProblem(id);
        return (await dashboards.DeleteAsync(id, ct)).Outcome == DashboardWriteOutcome.Done ? TypedResults.NoContent() : NotFoundProblem(id);
    }

    private static Conflict<ProblemDetails> VersionConflict(string id, int basedOn, Dashboard? current)
    {
        var problem = Problem(StatusCodes.Status409Conflict, "Dashboard changed meanwhile", current is null
            ? $"Dashboard '{id}' changed while it was being saved; reload it and apply the change again."
            : $"Dashboard '{id}' is at version {current.Version}, the change was based on version {basedOn}; reload it and apply the change again.");
        if (current is not null) problem.Extensions["currentVersion"] = current.Version;
        return TypedResults.Conflict(problem);
    }

    private static NotFound<ProblemDetails> NotFoundProblem(string id) =>
        TypedResults.NotFound(Problem(StatusCodes.Status404NotFound, "Dashboard not found", $"No dashboard has the id '{id}'."));

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };
}
