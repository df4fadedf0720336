using AirisEpm.Protocols.Ingest;
using AirisEpm.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.ServiceDefaults.Batching;
using AirisEpm.TraceService.Ingest;
using AirisEpm.TraceService.Ingest.Otlp;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OtlpTraceService = AirisEpm.Protocols.Otlp.Proto.TraceService;

namespace AirisEpm.TraceService.Apis;

/// <summary>
/// OTLP/gRPC <c>TraceService/Export</c>. A batch with bad spans is refused whole (InvalidArgument naming
/// them); a lagging store answers ResourceExhausted or Unavailable, which OTLP exporters retry.
/// </summary>
[Authorize(Policy = ServiceDefaults.Security.Permissions.TracesWrite)]
public sealed class OtlpTracesGrpcService(ITraceIngestor ingestor, IOptions<TraceIngestOptions> options) : OtlpTraceService.TraceServiceBase
{
    public override async Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problems = new IngestProblems();
        var spans = OtlpSpanConverter.Convert(request, problems);
        if (problems.Any) throw OtlpGrpcErrors.Rejected(problems);
        var max = options.Value.MaxSpansPerRequest;
        if (spans.Count > max) throw OtlpGrpcErrors.TooMany(spans.Count, max, "spans");
        try
        {
            await ingestor.IngestAsync(spans, context.CancellationToken);
        }
        catch (BackpressureException e)
        {
            throw OtlpGrpcErrors.Backpressure(e.StatusCode, e.RetryAfter, e.Message);
        }

        return new ExportTraceServiceResponse();
    }
}
