using Grpc.Core;

namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>An error as daprd reports it: an ERR_* code, a message, and its HTTP and gRPC status.</summary>
public sealed class DaprApiException(string errorCode, string message, int httpStatus, StatusCode grpcStatus) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;

    public int HttpStatus { get; } = httpStatus;

    public StatusCode GrpcStatus { get; } = grpcStatus;

    public static DaprApiException PubSubNotFound(string name) =>
        new("ERR_PUBSUB_NOT_FOUND", $"pubsub {name} is not found", 404, StatusCode.InvalidArgument);

    public static DaprApiException PubSubEmpty() =>
        new("ERR_PUBSUB_EMPTY", "pubsub name is empty", 404, StatusCode.InvalidArgument);

    public static DaprApiException TopicEmpty(string pubsub) =>
        new("ERR_TOPIC_NAME_EMPTY", $"topic is empty in pubsub {pubsub}", 404, StatusCode.InvalidArgument);

    public static DaprApiException StateStoreNotFound(string name) =>
        new("ERR_STATE_STORE_NOT_FOUND", $"state store {name} is not found", 400, StatusCode.InvalidArgument);

    public static DaprApiException StateStoresNotConfigured() =>
        new("ERR_STATE_STORE_NOT_CONFIGURED", "state store is not configured", 500, StatusCode.FailedPrecondition);

    public static DaprApiException EtagMismatch(string store, string operation) =>
        new(operation == "delete" ? "ERR_STATE_DELETE" : "ERR_STATE_SAVE",
            $"failed {(operation == "delete" ? "deleting" : "saving")} state in state store {store}: possible etag mismatch. error from state store: ETag mismatch",
            409, StatusCode.Aborted);

    public static DaprApiException StateTransaction(string reason) =>
        new("ERR_STATE_TRANSACTION", $"error while executing state transaction: {reason}", 500, StatusCode.Internal);

    /// <summary>daprd with the scheduler answers a missing reminder as a failed get; the .NET SDK reads that 500 as "none".</summary>
    public static DaprApiException ReminderNotFound(string name) =>
        new("ERR_ACTOR_REMINDER_GET", $"error getting actor reminder: reminder {name} not found", 500, StatusCode.NotFound);

    public static DaprApiException ActorResponseTooLarge(string method, long size, int limit) =>
        new("ERR_ACTOR_INVOKE_METHOD", $"error invoke actor method {method}: grpc: received message larger than max ({size} vs. {limit})", 500, StatusCode.ResourceExhausted);

    public static DaprApiException BindingNotFound(string name) =>
        new("ERR_INVOKE_OUTPUT_BINDING", $"error invoking output binding {name}: couldn't find output binding {name}", 500, StatusCode.Internal);

    public static DaprApiException BindingFailed(string name, string reason) =>
        new("ERR_INVOKE_OUTPUT_BINDING", $"error invoking output binding {name}: {reason}", 500, StatusCode.Internal);

    public static DaprApiException InvokeFailed(string appId, string reason) =>
        new("ERR_DIRECT_INVOKE", $"failed to invoke, id: {appId}, err: {reason}", 500, StatusCode.Internal);

    public static DaprApiException ActorTypeNotHosted(string type) =>
        new("ERR_ACTOR_INVOKE_METHOD", $"error invoke actor method: did not find address for actor {type}", 500, StatusCode.Internal);

    public static DaprApiException SecretStoresNotConfigured() =>
        new("ERR_SECRET_STORES_NOT_CONFIGURED", "secret store is not configured", 500, StatusCode.FailedPrecondition);

    public static DaprApiException SecretStoreNotFound(string name) =>
        new("ERR_SECRET_STORE_NOT_FOUND", $"failed finding secret store with key {name}", 401, StatusCode.InvalidArgument);

    public static DaprApiException SecretPermissionDenied(string key, string store) =>
        new("ERR_PERMISSION_DENIED", $"access denied by policy to get \"{key}\" from \"{store}\"", 403, StatusCode.PermissionDenied);

    public static DaprApiException SecretGet(string key, string store, string reason) =>
        new("ERR_SECRET_GET", $"failed getting secret with key {key} from secret store {store}: {reason}", 500, StatusCode.Internal);

    public static DaprApiException BadRequest(string code, string message) => new(code, message, 400, StatusCode.InvalidArgument);

    public static DaprApiException Unauthorized() =>
        new("ERR_UNAUTHORIZED", "invalid api token", 401, StatusCode.Unauthenticated);
}
