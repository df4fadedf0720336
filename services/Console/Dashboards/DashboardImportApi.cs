using System.Text.Json;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.WebConsole.Dashboards.Grafana;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.WebConsole.Dashboards;

/// <summary>
/// <c>POST /api/dashboards/import[?save=true]</c>: a Grafana dashboard JSON in, the console's dashboard and what did not
/// map out. Previewing reads nothing and writes nothing, so a viewer may; <c>save=true</c> stores the dashboard as a
/// new one and needs <c>alerts:write</c>, as every change does.
/// </summary>
public static class DashboardImportApi
{
    public static RouteGroupBuilder MapDashboardImportApi(this RouteGroupBuilder api)
    {
        api.MapPost("/import", ImportAsync).WithName("ImportGrafanaDashboard").RequireAuthorization(Permissions.MetricsRead)
            .Accepts<JsonElement>("application/json");
        return api;
    }

    public static async Task<Results<Ok<GrafanaImportResponse>, Created<GrafanaImportResponse>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpRequest request, [FromQuery] bool? save, IDashboardRepository dashboards, IAuthorizationService authorization, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, ct);
        }
        catch (JsonException e)
        {
            return TypedResults.Problem(title: "Malformed JSON", detail: $"The body is not JSON: {e.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        using (document)
        {
            var import = GrafanaImporter.Import(document.RootElement);
            if (import.Dashboard is null)
            {
                return TypedResults.ValidationProblem(import.Errors, title: "Not a Grafana dashboard this console can import");
            }

            if (save != true) return TypedResults.Ok(new GrafanaImportResponse(import.Dashboard, import.Unmapped));

            if (!(await authorization.AuthorizeAsync(request.HttpContext.User, Permissions.AlertsWrite)).Succeeded)
            {
                return TypedResults.Problem(title: "Forbidden", detail: $"Saving a dashboard needs the {Permissions.AlertsWrite} permission.",
                    statusCode: StatusCodes.Status403Forbidden);
            }

            var write = await dashboards.CreateAsync(import.Dashboard with { Id = DashboardIds.New() }, ct);
            if (write.Outcome != DashboardWriteOutcome.Done)
            {
                return TypedResults.Problem(title: "Dashboard id taken", detail: "A dashboard was created with the same id at the same moment; send it again.",
                    statusCode: StatusCodes.Status409Conflict);
            }

            return TypedResults.Created($"{DashboardsApi.Path}/{write.Dashboard!.Id}", new GrafanaImportResponse(write.Dashboard, import.Unmapped));
        }
    }
}
