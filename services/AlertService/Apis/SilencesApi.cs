using AirisEpm.AlertService.Apis.Models;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Labels;
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

    public static Results<Ok<SilenceCreated>, ValidationProblem, ProblemHttpResult> Post(PostableSilence silence, AlertEngine engine)
    {
        try
        {
            return TypedResults.Ok(new SilenceCreated(engine.SetSilence(silence.ToDomain())));
        }
        catch (SilenceException ex) when (ex.Kind == SilenceFailure.NotFound)
        {
            return NotFound(silence.Id ?? "");
        }
        catch (SilenceException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.Count > 0
                ? ex.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray())
                : new Dictionary<string, string[]> { ["silence"] = [ex.Message] });
        }
    }

    /// <summary>
    /// Alertmanager's order: active (soonest end first), then pending (soonest start first), then
    /// expired (latest end first). A filter keeps silences whose equality matchers satisfy it.
    /// </summary>
    public static Results<Ok<List<GettableSilence>>, ValidationProblem> List(AlertEngine engine, [FromQuery] string[]? filter)
    {
        var errors = new Dictionary<string, string[]>();
        var matchers = AlertQuery.ParseFilter(filter, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var now = engine.Now;
        return TypedResults.Ok(engine.Silences()
            .Where(s => matchers.MatchesAll(LabelsOf(s)))
            .OrderBy(s => s.StateAt(now) switch { SilenceState.Active => 0, SilenceState.Pending => 1, _ => 2 })
            .ThenBy(s => s.StateAt(now) switch
            {
                SilenceState.Active => s.EndsAt.UtcTicks,
                SilenceState.Pending => s.StartsAt.UtcTicks,
                _ => -s.EndsAt.UtcTicks,
            })
            .Select(s => GettableSilence.From(s, now))
            .ToList());
    }

    public static Results<Ok<GettableSilence>, ProblemHttpResult> Get(string silenceID, AlertEngine engine) =>
        engine.GetSilence(silenceID) is { } silence ? TypedResults.Ok(GettableSilence.From(silence, engine.Now)) : NotFound(silenceID);

    /// <summary>Expires the silence (Alertmanager keeps it, expired, for its retention).</summary>
    public static Results<Ok, ProblemHttpResult> Delete(string silenceID, AlertEngine engine)
    {
        try
        {
            engine.ExpireSilence(silenceID);
            return TypedResults.Ok();
        }
        catch (SilenceException ex) when (ex.Kind == SilenceFailure.NotFound)
        {
            return NotFound(silenceID);
        }
        catch (SilenceException ex)
        {
            return TypedResults.Problem(title: "Silence already expired", detail: ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    /// <summary>The label set a silence stands for: its equality matchers (Alertmanager's filter semantics).</summary>
    private static LabelSet LabelsOf(Silence silence) =>
        LabelSet.From(silence.Matchers.Where(m => m.Operator == MatchOperator.Equal)
            .GroupBy(m => m.Name).Select(g => KeyValuePair.Create(g.Key, g.First().Value)));

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(title: "Silence not found", detail: $"No silence has the id '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
