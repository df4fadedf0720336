using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Ingest;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirisEpm.MetricsService.Apis;

/// <summary><c>POST /api/v1/metrics</c>: a JSON batch, accepted whole once durable or rejected whole.</summary>
public static class MetricsIngestApi
{
    public static IEndpointRouteBuilder MapMetricsIngestApi(this IEndpointRouteBuilder app, long maxBodyBytes)
    {
        app.MapGroup("/api/v1/metrics")
            .WithTags("Metrics ingest")
            .MapPost("", IngestAsync)
            .WithName("IngestMetrics")
            .Accepts<MetricsBatchRequest>("application/json")
            .WithValidation<MetricsBatchRequest>()
            .WithMetadata(new RequestSizeLimitAttribute(maxBodyBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Permissions.MetricsWrite);
        return app;
    }

    public static async Task<Ok<IngestResult>> IngestAsync(
        MetricsBatchRequest request, IMetricIngestor ingestor, TimeProvider time, CancellationToken cancellationToken)
    {
        // A sample without a timestamp takes the time the request was received, the same for the whole batch.
        var received = time.GetUtcNow().ToUnixTimeMilliseconds();
        var samples = new MetricSample[request.Metrics!.Count];
        for (var i = 0; i < samples.Length; i++)
        {
            var point = request.Metrics[i];
            var type = MetricTypes.TryParse(point.Type, out var parsed) ? parsed : MetricType.Gauge;
            var labels = point.Labels is null ? LabelSet.Empty : LabelSet.From(point.Labels);
            var timestamp = point.Timestamp.IsPresent ? point.Timestamp.Milliseconds : received;
            samples[i] = new MetricSample(point.Name!, labels, timestamp, point.Value.Value, type);
        }

        // Returns only once the samples are durable; backpressure surfaces as 429/503 with Retry-After.
        await ingestor.IngestAsync(samples, cancellationToken);
        return TypedResults.Ok(new IngestResult(samples.Length));
    }
}

/// <summary>How many samples were stored.</summary>
public sealed record IngestResult(int Accepted);
