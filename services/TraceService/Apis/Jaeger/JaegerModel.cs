using System.Text.Json.Serialization;

namespace AirisEpm.TraceService.Apis.Jaeger;

/// <summary>
/// Jaeger query API's envelope: every answer is <c>{"data":…,"total":…,"limit":…,"offset":…,"errors":…}</c>,
/// errors included (then <c>data</c> is null and <c>errors</c> holds one entry with the HTTP code).
/// </summary>
public sealed record JaegerResponse<T>(
    [property: JsonPropertyName("data")] T? Data,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("errors")] IReadOnlyList<JaegerError>? Errors);

public sealed record JaegerError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string Message,
    [property: JsonPropertyName("traceID"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceId = null);

/// <summary>A trace as the Jaeger UI and Grafana's Jaeger data source read it; times in microseconds.</summary>
public sealed record JaegerTrace(
    [property: JsonPropertyName("traceID")] string TraceId,
    [property: JsonPropertyName("spans")] IReadOnlyList<JaegerSpan> Spans,
    [property: JsonPropertyName("processes")] IReadOnlyDictionary<string, JaegerProcess> Processes,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string>? Warnings);

public sealed record JaegerSpan(
    [property: JsonPropertyName("traceID")] string TraceId,
    [property: JsonPropertyName("spanID")] string SpanId,
    [property: JsonPropertyName("flags")] int Flags,
    [property: JsonPropertyName("operationName")] string OperationName,
    [property: JsonPropertyName("references")] IReadOnlyList<JaegerReference> References,
    [property: JsonPropertyName("startTime")] long StartTime,
    [property: JsonPropertyName("duration")] long Duration,
    [property: JsonPropertyName("tags")] IReadOnlyList<JaegerKeyValue> Tags,
    [property: JsonPropertyName("logs")] IReadOnlyList<JaegerLog> Logs,
    [property: JsonPropertyName("processID")] string ProcessId,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string>? Warnings);

public sealed record JaegerReference(
    [property: JsonPropertyName("refType")] string RefType,
    [property: JsonPropertyName("traceID")] string TraceId,
    [property: JsonPropertyName("spanID")] string SpanId);

/// <summary>A typed tag: <see cref="Type"/> is string, bool, int64, float64 or binary, and <see cref="Value"/> a JSON value of that type.</summary>
public sealed record JaegerKeyValue(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] object Value);

public sealed record JaegerLog(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("fields")] IReadOnlyList<JaegerKeyValue> Fields);

public sealed record JaegerProcess(
    [property: JsonPropertyName("serviceName")] string ServiceName,
    [property: JsonPropertyName("tags")] IReadOnlyList<JaegerKeyValue> Tags);

/// <summary>An entry of <c>/api/operations</c>.</summary>
public sealed record JaegerOperation(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("spanKind")] string SpanKind);

/// <summary>An edge of <c>/api/dependencies</c>.</summary>
public sealed record JaegerDependency(
    [property: JsonPropertyName("parent")] string Parent,
    [property: JsonPropertyName("child")] string Child,
    [property: JsonPropertyName("callCount")] long CallCount);
