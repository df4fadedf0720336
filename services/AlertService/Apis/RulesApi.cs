using AirisEpm.AlertService.Rules;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.AlertService.Apis;

/// <summary>
/// /api/v1/rules: alerting rules with optimistic concurrency (listed at <c>/api/v1/rules/native</c>; the bare path
/// answers Prometheus's rules API, see <see cref="PromRulesApi"/>). Every response carrying a rule
/// carries its <c>ETag</c>; PUT and DELETE with <c>If-Match</c> answer 412 when it is stale.
/// Each change (re)starts or stops the rule's actor and republishes the streaming rules when they
/// changed. Should either fail after the rule was saved, the answer is a 500 and the
/// <see cref="RuleReconciler"/> finishes the job on its next pass.
/// </summary>
public static class RulesApi
{
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/rules").WithTags("Rules");
        api.MapGet("/native", ListAsync).WithName("ListRules").RequireAuthorization(Permissions.AlertsRead);
        api.MapGet("/{id}", GetAsync).WithName("GetRule").RequireAuthorization(Permissions.AlertsRead);
        api.MapGet("/{id}/state", GetStateAsync).WithName("GetRuleState").RequireAuthorization(Permissions.AlertsRead);
        api.MapPost("/", CreateAsync).WithName("CreateRule").RequireAuthorization(Permissions.AlertsWrite).WithValidation<RuleDocument>();
        api.MapPut("/{id}", UpdateAsync).WithName("UpdateRule").RequireAuthorization(Permissions.AlertsWrite).WithValidation<RuleDocument>();
        api.MapDelete("/{id}", DeleteAsync).WithName("DeleteRule").RequireAuthorization(Permissions.AlertsWrite);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<RuleView>>> ListAsync(IRuleRepository rules, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<RuleView>>((await rules.ListAsync(ct)).Select(RuleView.From).ToList());

    public static async Task<Results<Ok<RuleView>, NotFound<ProblemDetails>>> GetAsync(
        string id, IRuleRepository rules, HttpResponse response, CancellationToken ct)
    {
        if (await rules.GetAsync(id, ct) is not { } stored) return NotFoundProblem(id);
        response.Headers.ETag = EntityTags.Quote(stored.ETag);
        return TypedResults.Ok(RuleView.From(stored));
    }

    public static async Task<Results<Ok<RuleStateView>, NotFound<ProblemDetails>>> GetStateAsync(
        string id, IRuleRepository rules, IRuleScheduler scheduler, CancellationToken ct)
    {
        if (await rules.GetAsync(id, ct) is null) return NotFoundProblem(id);
        return TypedResults.Ok(RuleStateView.From(id, await scheduler.GetStateAsync(id, ct)));
    }

    public static async Task<Created<RuleView>> CreateAsync(
        RuleDocument rule, IRuleRepository rules, IRuleScheduler scheduler, RulesChangePublisher publisher, HttpResponse response, CancellationToken ct)
    {
        var stored = await rules.CreateAsync(Guid.NewGuid().ToString("N"), rule, ct);
        await scheduler.StartAsync(stored.Id, ct);
        await publisher.PublishChangeAsync(stored.Id, stored.Rule, ct);
        response.Headers.ETag = EntityTags.Quote(stored.ETag);
        return TypedResults.Created($"/api/v1/rules/{stored.Id}", RuleView.From(stored));
    }

    public static async Task<Results<Ok<RuleView>, NotFound<ProblemDetails>, ProblemHttpResult>> UpdateAsync(
        string id, RuleDocument rule, IRuleRepository rules, IRuleScheduler scheduler, RulesChangePublisher publisher, HttpContext http, CancellationToken ct)
    {
        var write = await rules.UpdateAsync(id, rule, EntityTags.IfMatch(http.Request), ct);
        switch (write)
        {
            case { Outcome: RuleWriteOutcome.NotFound }:
                return NotFoundProblem(id);
            case { Outcome: RuleWriteOutcome.PreconditionFailed }:
                return PreconditionFailed(id);
        }

        await scheduler.StartAsync(id, ct);
        await publisher.PublishChangeAsync(id, write.Rule!.Rule, ct);
        http.Response.Headers.ETag = EntityTags.Quote(write.Rule!.ETag);
        return TypedResults.Ok(RuleView.From(write.Rule));
    }

    public static async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> DeleteAsync(
        string id, IRuleRepository rules, IRuleScheduler scheduler, RulesChangePublisher publisher, HttpRequest request, CancellationToken ct)
    {
        var write = await rules.DeleteAsync(id, EntityTags.IfMatch(request), ct);
        switch (write.Outcome)
        {
            case RuleWriteOutcome.NotFound:
                return NotFoundProblem(id);
            case RuleWriteOutcome.PreconditionFailed:
                return PreconditionFailed(id);
        }

        await scheduler.StopAsync(id, ct);
        await publisher.PublishChangeAsync(id, null, ct);
        return TypedResults.NoContent();
    }

    private static NotFound<ProblemDetails> NotFoundProblem(string id) => TypedResults.NotFound(new ProblemDetails
    {
        Title = "Rule not found",
        Detail = $"No rule has the id '{id}'.",
        Status = StatusCodes.Status404NotFound,
    });

    private static ProblemHttpResult PreconditionFailed(string id) => TypedResults.Problem(
        title: "Rule changed",
        detail: $"If-Match does not name the current version of rule '{id}'; GET it again and retry with its ETag.",
        statusCode: StatusCodes.Status412PreconditionFailed,
        extensions: new Dictionary<string, object?> { ["field"] = "If-Match" });
}
