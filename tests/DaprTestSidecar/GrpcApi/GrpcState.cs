using AirisEpm.DaprTestSidecar.State;
using Autogen = Dapr.Client.Autogen.Grpc.v1;

namespace AirisEpm.DaprTestSidecar.GrpcApi;

/// <summary>Maps the protobuf state items to store writes.</summary>
internal static class GrpcState
{
    public static StateWrite Write(Autogen.StateItem item, bool delete) =>
        new(item.Key, delete ? null : item.Value.ToByteArray(), item.Etag?.Value, Concurrency(item.Options), delete ? null : StateApi.Ttl(item.Metadata));

    public static Concurrency Concurrency(Autogen.StateOptions? options) => options?.Concurrency switch
    {
        Autogen.StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite => State.Concurrency.FirstWrite,
        Autogen.StateOptions.Types.StateConcurrency.ConcurrencyLastWrite => State.Concurrency.LastWrite,
        _ => State.Concurrency.Unspecified,
    };
}
