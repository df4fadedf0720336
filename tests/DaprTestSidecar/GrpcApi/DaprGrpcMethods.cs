using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Autogen = Dapr.Client.Autogen.Grpc.v1;

namespace AirisEpm.DaprTestSidecar.GrpcApi;

/// <summary>
/// Binds <see cref="DaprGrpcService"/> as the gRPC service dapr.proto.runtime.v1.Dapr. Dapr.Protos
/// ships only the client side, so the methods are declared here from the package's message types;
/// any other method of the service answers Unimplemented (Grpc.AspNetCore's default for unknown methods).
/// </summary>
public sealed class DaprGrpcMethods : IServiceMethodProvider<DaprGrpcService>
{
    public const string ServiceName = "dapr.proto.runtime.v1.Dapr";

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<DaprGrpcService> context)
    {
        Add<Autogen.GetStateRequest, Autogen.GetStateResponse>(context, "GetState", (s, r, c) => s.GetState(r, c));
        Add<Autogen.GetBulkStateRequest, Autogen.GetBulkStateResponse>(context, "GetBulkState", (s, r, c) => s.GetBulkState(r, c));
        Add<Autogen.SaveStateRequest, Google.Protobuf.WellKnownTypes.Empty>(context, "SaveState", (s, r, c) => s.SaveState(r, c));
        Add<Autogen.DeleteStateRequest, Google.Protobuf.WellKnownTypes.Empty>(context, "DeleteState", (s, r, c) => s.DeleteState(r, c));
        Add<Autogen.DeleteBulkStateRequest, Google.Protobuf.WellKnownTypes.Empty>(context, "DeleteBulkState", (s, r, c) => s.DeleteBulkState(r, c));
        Add<Autogen.ExecuteStateTransactionRequest, Google.Protobuf.WellKnownTypes.Empty>(context, "ExecuteStateTransaction", (s, r, c) => s.ExecuteStateTransaction(r, c));
        Add<Autogen.PublishEventRequest, Google.Protobuf.WellKnownTypes.Empty>(context, "PublishEvent", (s, r, c) => s.PublishEvent(r, c));
        Add<Autogen.InvokeBindingRequest, Autogen.InvokeBindingResponse>(context, "InvokeBinding", (s, r, c) => s.InvokeBinding(r, c));
        Add<Autogen.GetSecretRequest, Autogen.GetSecretResponse>(context, "GetSecret", (s, r, c) => s.GetSecret(r, c));
        Add<Autogen.GetBulkSecretRequest, Autogen.GetBulkSecretResponse>(context, "GetBulkSecret", (s, r, c) => s.GetBulkSecret(r, c));
        Add<Autogen.GetMetadataRequest, Autogen.GetMetadataResponse>(context, "GetMetadata", (s, r, c) => s.GetMetadata(r, c));
        Add<Autogen.ShutdownRequest, Google.Protobuf.WellKnownTypes.Empty>(context, "Shutdown", (s, r, c) => s.Shutdown(r, c));
    }

    private static void Add<TRequest, TResponse>(
        ServiceMethodProviderContext<DaprGrpcService> context,
        string name,
        UnaryServerMethod<DaprGrpcService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var method = new Method<TRequest, TResponse>(MethodType.Unary, ServiceName, name, Marshaller<TRequest>(), Marshaller<TResponse>());
        context.AddUnaryMethod(method, [], handler);
    }

    private static Marshaller<T> Marshaller<T>()
        where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(m => m.ToByteArray(), parser.ParseFrom);
    }
}
