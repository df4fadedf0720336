using System.Text.Json;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Rules;
using AirisEpm.AlertService.EngineHosting;
using AirisEpm.AlertService.Rules;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Events;
using AirisEpm.ServiceDefaults.Events.Contracts;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Apis;

/// <summary>
/// The pub/sub subscriptions that turn other services' findings into alerts. Delivery contract
/// with the sidecar: 200 SUCCESS once the alert is in the engine (a redelivery is acknowledged by
/// the idempotency filter); 200 <c>{"status":"DROP"}</c> for an event that can never become an
/// alert (unreadable JSON, missing fields, unknown kind): since Dapr 1.13 a dropped message goes to
/// the subscription's dead-letter topic, where it can be inspected, instead of being retried
/// forever; any other failure is a 5xx, which the sidecar retries per resiliency.yaml and finally
/// dead-letters too.
/// </summary>
public static partial class AlertEventsApi
{
    public static IEndpointRouteBuilder MapAlertEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/events/metrics-threshold-crossed", OnThresholdCrossed)
            .WithSubscription(Topics.MetricsThresholdCrossed).Idempotent().RequireSidecar().ExcludeFromDescription();
        app.MapPost("/events/logs-anomaly-detected", OnLogsAnomaly)
            .WithSubscription(Topics.LogsAnomalyDetected).Idempotent().RequireSidecar().ExcludeFromDescription();
        app.MapPost("/events/traces-anomaly-detected", OnTracesAnomaly)
            .WithSubscription(Topics.TracesAnomalyDetected).Idempotent().RequireSidecar().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Pub/sub does not keep order: a firing event that arrives after the resolved event of the same
    /// series (its start is not after that resolution) is stale and acknowledged without effect, so
    /// a late delivery cannot revive a resolved alert for the whole horizon.
    /// </summary>
    public static Task<Ok<DeliveryStatus>> OnThresholdCrossed(
        HttpRequest request, IAlertEngineGateway engine, IRuleRepository rules, IOptions<AlertEngineOptions> options, ILoggerFactory loggers) =>
        HandleAsync<ThresholdCrossed>(request, loggers, async e =>
        {
            var rule = string.IsNullOrWhiteSpace(e.RuleId) ? null : await RuleOfAsync(rules, e.RuleId, request.HttpContext.RequestAborted);
            if (EventAlerts.From(e, options.Value.EventAlertHorizon, rule) is not { } alert) return Outcome.Invalid;
            return await engine.SubmitUnlessStaleAsync(alert, request.HttpContext.RequestAborted) ? Outcome.Accepted : Outcome.Stale;
        });

    private static async Task<RuleDefinition?> RuleOfAsync(IRuleRepository rules, string ruleId, CancellationToken cancellationToken) =>
        await rules.GetAsync(ruleId, cancellationToken) is { } stored ? RuleDocumentMapper.Map(stored.Id, stored.Rule).Rule : null;

    public static Task<Ok<DeliveryStatus>> OnLogsAnomaly(HttpRequest request, IAlertIntake intake, ILoggerFactory loggers) =>
        HandleAsync<LogsAnomalyDetected>(request, loggers, e => SubmitAsync(intake, EventAlerts.From(e), request.HttpContext.RequestAborted));

    public static Task<Ok<DeliveryStatus>> OnTracesAnomaly(HttpRequest request, IAlertIntake intake, ILoggerFactory loggers) =>
        HandleAsync<TracesAnomalyDetected>(request, loggers, e => SubmitAsync(intake, EventAlerts.From(e), request.HttpContext.RequestAborted));

    private static async Task<Outcome> SubmitAsync(IAlertIntake intake, PostedAlert? alert, CancellationToken cancellationToken)
    {
        if (alert is null) return Outcome.Invalid;
        await intake.SubmitAsync([alert], cancellationToken);
        return Outcome.Accepted;
    }

    /// <summary>What became of an event: in the engine, ignored as a late delivery, or never a valid alert.</summary>
    private enum Outcome
    {
        Accepted,
        Stale,
        Invalid,
    }

    /// <summary>The body is read here rather than bound, so that unreadable JSON is dropped (dead-lettered), not retried.</summary>
    private static async Task<Ok<DeliveryStatus>> HandleAsync<TEvent>(
        HttpRequest request, ILoggerFactory loggers, Func<TEvent, Task<Outcome>> submit)
        where TEvent : IntegrationEvent
    {
        var logger = loggers.CreateLogger(typeof(AlertEventsApi));
        var topic = request.Path.Value ?? "";
        TEvent? evt;
        try
        {
            evt = await JsonSerializer.DeserializeAsync<TEvent>(request.Body, JsonSerializerOptions.Web, request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            LogDropped(logger, topic, ex.Message);
            return TypedResults.Ok(DeliveryStatus.Drop);
        }

        switch (evt is null ? Outcome.Invalid : await submit(evt))
        {
            case Outcome.Stale:
                LogStale(logger, topic);
                return TypedResults.Ok(DeliveryStatus.Success);
            case Outcome.Invalid:
                LogDropped(logger, topic, "the event is missing required fields or has an unknown kind");
                return TypedResults.Ok(DeliveryStatus.Drop);
            default:
                return TypedResults.Ok(DeliveryStatus.Success);
        }
    }

    /// <summary>Dapr's subscriber response: SUCCESS, RETRY or DROP.</summary>
    public sealed record DeliveryStatus(string Status)
    {
        public static readonly DeliveryStatus Success = new("SUCCESS");
        public static readonly DeliveryStatus Drop = new("DROP");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignoring a stale firing event on {Route}: its series was resolved after it started")]
    private static partial void LogStale(ILogger logger, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping an event on {Route} to its dead-letter topic: {Reason}")]
    private static partial void LogDropped(ILogger logger, string route, string reason);
}
