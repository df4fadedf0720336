using AirisEpm.AlertService.Escalation;
using AirisEpm.AlertService.Notifications;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirisEpm.AlertService.Apis;

/// <summary>/api/v1/escalation-policies: ordered steps of receivers that routes name.</summary>
public static class EscalationPoliciesApi
{
    public static IEndpointRouteBuilder MapEscalationPoliciesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/escalation-policies").WithTags("Escalation");
        api.MapGet("/", List).WithName("ListEscalationPolicies").RequireAuthorization(Permissions.AlertsRead);
        api.MapGet("/{name}", Get).WithName("GetEscalationPolicy").RequireAuthorization(Permissions.AlertsRead);
        api.MapPut("/{name}", Put).WithName("PutEscalationPolicy").RequireAuthorization(Permissions.AlertsWrite)
            .WithValidation<EscalationPolicy>();
        api.MapDelete("/{name}", Delete).WithName("DeleteEscalationPolicy").RequireAuthorization(Permissions.AlertsWrite);
        return app;
    }

    public static async Task<Ok<IReadOnlyList<EscalationPolicy>>> List(IEscalationPolicyRepository policies, CancellationToken ct) =>
        TypedResults.Ok(await policies.ListAsync(ct));

    public static async Task<Results<Ok<EscalationPolicy>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> Get(
        string name, IEscalationPolicyRepository policies, CancellationToken ct) =>
        await policies.GetAsync(name, ct) is { } policy ? TypedResults.Ok(policy) : NotFoundProblem(name);

    public static async Task<Results<Ok<EscalationPolicy>, ValidationProblem>> Put(
        string name, EscalationPolicy policy, IEscalationPolicyRepository policies, IReceiverCatalog receivers, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (policy.Name != name)
        {
            errors["name"] = [$"The body names '{policy.Name}' but the URL names '{name}'."];
        }

        foreach (var (field, problems) in PolicyReceivers.Unknown(policy, r => receivers.Targets(r) is not null))
        {
            errors[field] = problems;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await policies.SaveAsync(policy, ct);
        return TypedResults.Ok(policy);
    }

    public static async Task<Results<NoContent, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> Delete(
        string name, IEscalationPolicyRepository policies, CancellationToken ct) =>
        await policies.DeleteAsync(name, ct) ? TypedResults.NoContent() : NotFoundProblem(name);

    private static NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails> NotFoundProblem(string name) =>
        TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Title = "Escalation policy not found",
            Detail = $"No escalation policy is named '{name}'.",
            Status = StatusCodes.Status404NotFound,
        });
}
