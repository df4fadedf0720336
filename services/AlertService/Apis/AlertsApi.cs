using AirisEpm.AlertService.Apis.Models;
using AirisEpm.AlertService.Application;
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

    public static Results<Ok<List<GettableAlert>>, ValidationProblem> List(
        AlertEngine engine,
        [FromQuery] string[]? filter,
        [FromQuery] bool? silenced,
        [FromQuery] bool? inhibited,
        [FromQuery] bool? active,
        [FromQuery] bool? unprocessed,
        [FromQuery] string? receiver)
    {
        var (query, errors) = AlertQuery.Parse(filter, silenced, inhibited, active, unprocessed, receiver);
        if (query is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(engine.Alerts().Where(query.Includes)
            .OrderBy(v => v.Alert.Fingerprint)
            .Select(GettableAlert.From)
            .ToList());
    }

    /// <summary>Groups with no alert left after filtering are omitted, as in Alertmanager.</summary>
    public static Results<Ok<List<AlertGroup>>, ValidationProblem> Groups(
        AlertEngine engine,
        [FromQuery] string[]? filter,
        [FromQuery] bool? silenced,
        [FromQuery] bool? inhibited,
        [FromQuery] bool? active,
        [FromQuery] string? receiver)
    {
        var (query, errors) = AlertQuery.Parse(filter, silenced, inhibited, active, unprocessed: true, receiver);
        if (query is null) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(engine.Groups()
            .Where(g => query.Receiver is not { } r || r.Matches(g.Receiver))
            .Select(g => new AlertGroup(g.Labels.ToDictionary(), new ReceiverName(g.Receiver),
                [.. g.Alerts.Where(a => query.Includes(a with { Receivers = [g.Receiver] })).Select(GettableAlert.From)]))
            .Where(g => g.Alerts.Count > 0)
            .OrderBy(g => g.Receiver.Name, StringComparer.Ordinal)
            .ThenBy(g => string.Join(',', g.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)), StringComparer.Ordinal)
            .ToList());
    }

    public static Ok<List<ReceiverName>> Receivers(AlertingConfigHolder config) =>
        TypedResults.Ok(config.Current.Config.Receivers.Keys.Order(StringComparer.Ordinal).Select(n => new ReceiverName(n)).ToList());
}
