using AirisEpm.LogService.Ingest;
using AirisEpm.LogService.Ingest.Otlp;
using AirisEpm.Protocols.Ingest;
using AirisEpm.Protocols.Otlp;
using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.ServiceDefaults.Batching;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace AirisEpm.LogService.Apis;

/// <summary>
/// OTLP/gRPC <c>LogsService/Export</c>. A batch with bad records is refused whole (InvalidArgument
/// naming them); a lagging store answers Unavailable or ResourceExhausted, which OTLP exporters retry.
/// </summary>
[Authorize(Policy = ServiceDefaults.Security.Permissions.LogsWrite)]
public sealed class OtlpLogsGrpcService(ILogIngestor ingestor, TimeProvider time) : LogsService.LogsServiceBase
{
    public override async Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problems = new IngestProblems();
        var records = OtlpLogConverter.Convert(request, time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000, problems);
        if (problems.Any) throw OtlpGrpcErrors.Rejected(problems);
        try
        {
            await ingestor.IngestAsync(records, context.CancellationToken);
        }
        catch (BackpressureException e)
        {
            throw OtlpGrpcErrors.Backpressure(e.StatusCode, e.RetryAfter, e.Message);
        }

        return new ExportLogsServiceResponse();
    }
}
