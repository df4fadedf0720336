using AirisEpm.MetricsService.Query;
using AirisEpm.MetricsService.Sla;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Apis;

/// <summary>GET /api/v1/sla/report: availability, p95 latency, error rate and throughput judged against targets.</summary>
public static class SlaApi
{
    /// <summary>A report reads raw samples; a quarter is the longest range that stays fast.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(92);

    public static IEndpointRouteBuilder MapSlaApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/sla/report", Report)
            .WithName("GetSlaReport")
            .WithTags("SLA")
            .RequireAuthorization(Permissions.MetricsRead);
        return app;
    }

    public static async Task<Results<Ok<SlaReport>, ValidationProblem>> Report(
        string? service, string? start, string? end, SlaDataSource source, IOptions<SlaTargets> targets, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(service))
        {
            errors["service"] = ["The service is required (the 'service' label of its metrics, or their job: OTLP's service.name)."];
        }

        if (!QueryTime.TryParseMs(start, out var startMs))
        {
            errors["start"] = ["start must be RFC 3339 or epoch seconds."];
        }

        if (!QueryTime.TryParseMs(end, out var endMs))
        {
            errors["end"] = ["end must be RFC 3339 or epoch seconds."];
        }

        if (errors.Count == 0 && endMs <= startMs)
        {
            errors["end"] = ["end must be after start."];
        }

        if (errors.Count == 0 && TimeSpan.FromMilliseconds(endMs - startMs) > MaxRange)
        {
            errors["end"] = [$"The range may span at most {MaxRange.TotalDays} days."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var inputs = await source.ReadAsync(service!, DateTimeOffset.FromUnixTimeMilliseconds(startMs),
            DateTimeOffset.FromUnixTimeMilliseconds(endMs), cancellationToken);
        return TypedResults.Ok(SlaCalculator.Compute(inputs, targets.Value));
    }
}
