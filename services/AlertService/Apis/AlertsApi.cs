using AirisEpm.AlertService.Apis.Models;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.EngineHosting;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.AlertService.Apis;

/// <summary>Alertmanager API v2 alerts: what Prometheus and amtool post and read.</summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v2").WithTags("Alerts");
        api.MapPost("/alerts", Post).WithName("PostAlerts").RequireAuthorization(Permissions.AlertsWrite)
            .WithValidation<List<PostableAlert>>();
        api.MapGet("/alerts", List).WithName("GetAlerts").RequireAuthorization(Permissions.AlertsRead);
        api.MapGet("/alerts/groups", Groups).WithName("GetAlertGroups").RequireAuthorization(Permissions.AlertsRead);
        api.MapGet("/receivers", Receivers).WithName("GetReceivers").RequireAuthorization(Permissions.AlertsRead);
        return app;
    }

    /// <summary>Alertmanager answers an empty 200 once the alerts are stored.</summary>
    public static async Task<Ok> Post(List<PostableAlert> alerts, IAlertIntake intake, CancellationToken ct)
    {
        await intake.SubmitAsync([.. alerts.Select(a => a.ToDomain())], ct);
        return TypedResults.Ok();
    }

    public static async Task<Results<Ok<List<GettableAlert>>, ValidationProblem>> List(
        IAlertEngineGateway engine,
        [FromQuery] string[]? filter,
        [FromQuery] bool? silenced,
        [FromQuery] bool? inhibited,
        [FromQuery] bool? active,
        [FromQuery] bool? unprocessed,
        [FromQuery] string? receiver,
        CancellationToken ct)
    {
        var request = new AlertListRequest(filter, silenced, inhibited, active, unprocessed, receiver);
        if (request.Parse() is { Query: null, Errors: var errors }) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await engine.AlertsAsync(request, ct));
    }

    /// <summary>Groups with no alert left after filtering are omitted, as in Alertmanager.</summary>
    public static async Task<Results<Ok<List<AlertGroup>>, ValidationProblem>> Groups(
        IAlertEngineGateway engine,
        [FromQuery] string[]? filter,
        [FromQuery] bool? silenced,
        [FromQuery] bool? inhibited,
        [FromQuery] bool? active,
        [FromQuery] string? receiver,
        CancellationToken ct)
    {
        var request = new AlertListRequest(filter, silenced, inhibited, active, Unprocessed: true, receiver);
        if (request.Parse() is { Query: null, Errors: var errors }) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await engine.GroupsAsync(request, ct));
    }

    public static Ok<List<ReceiverName>> Receivers(AlertingConfigHolder config) =>
        TypedResults.Ok(config.Current.Config.Receivers.Keys.Order(StringComparer.Ordinal).Select(n => new ReceiverName(n)).ToList());
}
