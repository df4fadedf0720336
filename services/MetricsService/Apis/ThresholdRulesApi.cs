using AirisEpm.MetricsService.Thresholds;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Events;
using AirisEpm.ServiceDefaults.Events.Contracts;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AirisEpm.MetricsService.Apis;

/// <summary>
/// Streaming threshold rules: delivered by alert-service on <c>alerts.rules-changed</c>, readable
/// for operators at GET /api/v1/threshold-rules.
/// </summary>
public static class ThresholdRulesApi
{
    public static IEndpointRouteBuilder MapThresholdRulesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/events/alerts-rules-changed", OnRulesChanged)
            .WithSubscription(Topics.AlertsRulesChanged)
            .Idempotent()
            .RequireSidecar()
            .ExcludeFromDescription();

        app.MapGet("/api/v1/threshold-rules", ListRules)
            .WithName("ListThresholdRules")
            .WithTags("Thresholds")
            .RequireAuthorization(Permissions.MetricsRead);
        return app;
    }

    /// <summary>
    /// A rule that does not compile is reported and skipped; the others apply. Answering 2xx
    /// either way is deliberate: a retry would not make a bad regex good.
    /// </summary>
    public static Ok<RulesChangedResult> OnRulesChanged(AlertRulesChanged change, ThresholdEngine engine, ThresholdPublisher publisher)
    {
        var errors = engine.ReplaceRules(change.Version, change.StreamingRules);
        publisher.Wake();
        return TypedResults.Ok(new RulesChangedResult(engine.RulesVersion, engine.Rules.Count, errors));
    }

    public static Ok<ThresholdRulesView> ListRules(ThresholdEngine engine) =>
        TypedResults.Ok(new ThresholdRulesView(engine.RulesVersion, engine.Rules.Select(r => r.Contract).ToList()));

    public sealed record RulesChangedResult(long Version, int Active, IReadOnlyList<string> Rejected);

    public sealed record ThresholdRulesView(long Version, IReadOnlyList<ThresholdRuleContract> Rules);
}
