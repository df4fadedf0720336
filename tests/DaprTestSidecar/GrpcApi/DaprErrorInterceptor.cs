using AirisEpm.DaprTestSidecar.Hosting;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace AirisEpm.DaprTestSidecar.GrpcApi;

/// <summary>
/// Checks the dapr-api-token and turns a <see cref="DaprApiException"/> into the gRPC status daprd sends,
/// with a google.rpc.ErrorInfo detail whose reason is the ERR_* code.
/// </summary>
public sealed class DaprErrorInterceptor(TestSidecar sidecar) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            if (sidecar.Options.DaprApiToken is { Length: > 0 } token && context.RequestHeaders.GetValue("dapr-api-token") != token)
            {
                throw DaprApiException.Unauthorized();
            }

            return await continuation(request, context);
        }
        catch (DaprApiException error)
        {
            var details = new Google.Rpc.Status
            {
                Code = (int)error.GrpcStatus,
                Message = error.Message,
                Details = { Any.Pack(new ErrorInfo { Reason = error.ErrorCode, Domain = "dapr.io" }) },
            };
            var trailers = new Metadata { { "grpc-status-details-bin", details.ToByteArray() } };
            throw new RpcException(new global::Grpc.Core.Status(error.GrpcStatus, error.Message), trailers);
        }
    }
}
