using AirisEpm.LogService.Ingest;
using AirisEpm.LogService.Ingest.Otlp;
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
        if (problems.Any)
        {
            var first = problems.ToDictionary().Take(5).Select(p => $"{p.Key}: {string.Join("; ", p.Value)}");
            throw new RpcException(new Grpc.Core.Status(StatusCode.InvalidArgument, $"The batch was rejected whole: {string.Join(" | ", first)}"));
        }

        try
        {
            await ingestor.IngestAsync(records, context.CancellationToken);
        }
        catch (BackpressureException e)
        {
            var metadata = new Metadata();
            metadata.Add("retry-after", ((int)Math.Ceiling(e.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            throw new RpcException(new Grpc.Core.Status(e.StatusCode == 429 ? StatusCode.ResourceExhausted : StatusCode.Unavailable, e.Message), metadata);
        }

        return new ExportLogsServiceResponse();
    }
}
