using AirisEpm.AlertService.Apis.Models;
using AirisEpm.AlertService.EngineHosting;
using AirisEpm.AlertService.Domain.Silences;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.AlertService.Apis;

/// <summary>Alertmanager API v2 silences.</summary>
public static class SilencesApi
{
    public static IEndpointRouteBuilder MapSilencesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v2").WithTags("Silences");
        api.MapPost("/silences", Post).WithName("PostSilences").RequireAuthorization(Permissions.AlertsWrite)
            .WithValidation<PostableSilence>();
        api.MapGet("/silences", List).WithName("GetSilences").RequireAuthorization(Permissions.AlertsRead);
        api.MapGet("/silence/{silenceID}", Get).WithName("GetSilence").RequireAuthorization(Permissions.AlertsRead);
        api.MapDelete("/silence/{silenceID}", Delete).WithName("DeleteSilence").RequireAuthorization(Permissions.AlertsWrite);
        return app;
    }

    public static async Task<Results<Ok<SilenceCreated>, ValidationProblem, ProblemHttpResult>> Post(
        PostableSilence silence, IAlertEngineGateway engine, CancellationToken ct) =>
        await engine.SetSilenceAsync(silence, ct) switch
        {
            { SilenceId: { } id } => TypedResults.Ok(new SilenceCreated(id)),
            { Failure: SilenceFailure.NotFound } => NotFound(silence.Id ?? ""),
            var refused => TypedResults.ValidationProblem(refused.Errors ?? []),
        };

    public static async Task<Results<Ok<List<GettableSilence>>, ValidationProblem>> List(
        IAlertEngineGateway engine, [FromQuery] string[]? filter, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        AlertQuery.ParseFilter(filter, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await engine.SilencesAsync(new SilenceListRequest(filter), ct));
    }

    public static async Task<Results<Ok<GettableSilence>, ProblemHttpResult>> Get(string silenceID, IAlertEngineGateway engine, CancellationToken ct) =>
        await engine.SilenceAsync(silenceID, ct) is { } silence ? TypedResults.Ok(silence) : NotFound(silenceID);

    /// <summary>Expires the silence (Alertmanager keeps it, expired, for its retention).</summary>
    public static async Task<Results<Ok, ProblemHttpResult>> Delete(string silenceID, IAlertEngineGateway engine, CancellationToken ct) =>
        await engine.ExpireSilenceAsync(silenceID, ct) switch
        {
            { SilenceId: not null } => TypedResults.Ok(),
            { Failure: SilenceFailure.NotFound } => NotFound(silenceID),
            var refused => TypedResults.Problem(title: "Silence already expired", detail: refused.Message, statusCode: StatusCodes.Status409Conflict),
        };

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(title: "Silence not found", detail: $"No silence has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
