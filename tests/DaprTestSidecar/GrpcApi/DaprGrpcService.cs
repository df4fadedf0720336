using AirisEpm.DaprTestSidecar.Bindings;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.DaprTestSidecar.PubSub;
using AirisEpm.DaprTestSidecar.State;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Autogen = Dapr.Client.Autogen.Grpc.v1;

namespace AirisEpm.DaprTestSidecar.GrpcApi;

/// <summary>The gRPC API of the test sidecar: state, publish, output bindings, secrets, metadata and shutdown.</summary>
public sealed class DaprGrpcService(TestSidecar sidecar)
{
    private static readonly Empty Empty = new();

    public Task<Autogen.GetStateResponse> GetState(Autogen.GetStateRequest request, ServerCallContext context)
    {
        var entry = sidecar.State.Get(request.StoreName, request.Key);
        var response = new Autogen.GetStateResponse();
        if (entry is not null)
        {
            response.Data = ByteString.CopyFrom(entry.Value);
            response.Etag = entry.ETag;
        }

        return Task.FromResult(response);
    }

    public Task<Autogen.GetBulkStateResponse> GetBulkState(Autogen.GetBulkStateRequest request, ServerCallContext context)
    {
        var response = new Autogen.GetBulkStateResponse();
        foreach (var key in request.Keys)
        {
            var entry = sidecar.State.Get(request.StoreName, key);
            response.Items.Add(new Autogen.BulkStateItem
            {
                Key = key,
                Data = entry is null ? ByteString.Empty : ByteString.CopyFrom(entry.Value),
                Etag = entry?.ETag ?? "",
            });
        }

        return Task.FromResult(response);
    }

    public Task<Empty> SaveState(Autogen.SaveStateRequest request, ServerCallContext context)
    {
        sidecar.State.Apply(request.StoreName, request.States.Select(s => GrpcState.Write(s, delete: false)).ToList());
        return Task.FromResult(Empty);
    }

    public Task<Empty> DeleteState(Autogen.DeleteStateRequest request, ServerCallContext context)
    {
        var write = new StateWrite(request.Key, null, request.Etag?.Value, GrpcState.Concurrency(request.Options), null);
        sidecar.State.Apply(request.StoreName, [write], "delete");
        return Task.FromResult(Empty);
    }

    public Task<Empty> DeleteBulkState(Autogen.DeleteBulkStateRequest request, ServerCallContext context)
    {
        sidecar.State.Apply(request.StoreName, request.States.Select(s => GrpcState.Write(s, delete: true)).ToList(), "delete");
        return Task.FromResult(Empty);
    }

    public Task<Empty> ExecuteStateTransaction(Autogen.ExecuteStateTransactionRequest request, ServerCallContext context)
    {
        var writes = request.Operations.Select(o => o.OperationType switch
        {
            "upsert" => GrpcState.Write(o.Request, delete: false),
            "delete" => GrpcState.Write(o.Request, delete: true),
            _ => throw DaprApiException.BadRequest("ERR_NOT_SUPPORTED_STATE_OPERATION", $"operation type {o.OperationType} not supported"),
        }).ToList();
        sidecar.State.Transact(request.StoreName, writes);
        return Task.FromResult(Empty);
    }

    public Task<Empty> PublishEvent(Autogen.PublishEventRequest request, ServerCallContext context)
    {
        sidecar.Publish(
            new PublishRequest(request.PubsubName, request.Topic, request.Data.ToByteArray(), NullIfEmpty(request.DataContentType), request.Metadata),
            context.RequestHeaders.GetValue("traceparent"));
        return Task.FromResult(Empty);
    }

    public async Task<Autogen.InvokeBindingResponse> InvokeBinding(Autogen.InvokeBindingRequest request, ServerCallContext context)
    {
        var result = await sidecar.Bindings.InvokeAsync(
            request.Name, new BindingRequest(request.Operation, request.Data.ToByteArray(), request.Metadata), context.CancellationToken);
        return new Autogen.InvokeBindingResponse { Data = ByteString.CopyFrom(result.Data), Metadata = { new Dictionary<string, string>(result.Metadata) } };
    }

    public Task<Autogen.GetSecretResponse> GetSecret(Autogen.GetSecretRequest request, ServerCallContext context)
    {
        var response = new Autogen.GetSecretResponse();
        foreach (var (key, value) in sidecar.Secrets.Get(request.StoreName, request.Key))
        {
            response.Data[key] = value;
        }

        return Task.FromResult(response);
    }

    public Task<Autogen.GetBulkSecretResponse> GetBulkSecret(Autogen.GetBulkSecretRequest request, ServerCallContext context)
    {
        var response = new Autogen.GetBulkSecretResponse();
        foreach (var (name, values) in sidecar.Secrets.GetBulk(request.StoreName))
        {
            var secret = new Autogen.SecretResponse();
            foreach (var (key, value) in values)
            {
                secret.Secrets[key] = value;
            }

            response.Data[name] = secret;
        }

        return Task.FromResult(response);
    }

    public Task<Autogen.GetMetadataResponse> GetMetadata(Autogen.GetMetadataRequest request, ServerCallContext context) =>
        Task.FromResult(GrpcMetadata.Describe(sidecar));

    public Task<Empty> Shutdown(Autogen.ShutdownRequest request, ServerCallContext context)
    {
        sidecar.RequestShutdown();
        return Task.FromResult(Empty);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
