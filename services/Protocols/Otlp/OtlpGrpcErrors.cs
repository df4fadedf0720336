using System.Globalization;
using AirisEpm.Protocols.Ingest;
using Grpc.Core;

namespace AirisEpm.Protocols.Otlp;

/// <summary>
/// How the OTLP/gRPC receivers refuse a request. A batch with bad items is InvalidArgument naming them
/// (OTLP: not retryable); a lagging store is ResourceExhausted (buffer full) or Unavailable (store failing),
/// both retryable by OTLP exporters, with the wait in <c>retry-after</c> metadata as HTTP's Retry-After.
/// </summary>
public static class OtlpGrpcErrors
{
    /// <summary>The first few problems are enough to fix a batch; a gRPC status line is not a report.</summary>
    private const int ProblemsInMessage = 5;

    public static RpcException Rejected(IngestProblems problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var first = problems.ToDictionary().Take(ProblemsInMessage).Select(p => $"{p.Key}: {string.Join("; ", p.Value)}");
        return new RpcException(new Status(StatusCode.InvalidArgument, $"The batch was rejected whole: {string.Join(" | ", first)}"));
    }

    public static RpcException TooMany(int count, int max, string items) =>
        new(new Status(StatusCode.InvalidArgument, $"The request holds {count} {items}; send at most {max} per request."));

    /// <summary><paramref name="httpStatus"/> is the HTTP answer the same refusal gets: 429 or 503.</summary>
    public static RpcException Backpressure(int httpStatus, TimeSpan retryAfter, string message)
    {
        var metadata = new Metadata { { "retry-after", ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture) } };
        return new RpcException(new Status(httpStatus == 429 ? StatusCode.ResourceExhausted : StatusCode.Unavailable, message), metadata);
    }
}
