using AirisEpm.DaprTestSidecar.Hosting;
using Dapr;
using Dapr.Client;
using Google.Rpc;
using Grpc.Core;

namespace AirisEpm.DaprTestSidecar.Tests.Support;

/// <summary>The real Dapr .NET SDK client, pointed at a test sidecar as an app would be.</summary>
public static class DaprClients
{
    public static DaprClient For(TestSidecar sidecar)
    {
        var builder = new DaprClientBuilder()
            .UseGrpcEndpoint(sidecar.GrpcEndpoint.ToString())
            .UseHttpEndpoint(sidecar.HttpEndpoint.ToString());
        if (sidecar.Options.DaprApiToken is { Length: > 0 } token)
        {
            builder.UseDaprApiToken(token);
        }

        return builder.Build();
    }

    /// <summary>The ERR_* code of a gRPC error: the reason of the google.rpc.ErrorInfo in grpc-status-details-bin.</summary>
    public static string? ErrorCode(DaprException error)
    {
        var details = (error.InnerException as RpcException)?.Trailers.GetValueBytes("grpc-status-details-bin");
        return details is null
            ? null
            : Google.Rpc.Status.Parser.ParseFrom(details).Details
                .Where(d => d.Is(ErrorInfo.Descriptor))
                .Select(d => d.Unpack<ErrorInfo>().Reason)
                .FirstOrDefault();
    }
}
