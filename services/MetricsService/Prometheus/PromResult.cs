using System.Text.Json;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// Prometheus's response envelope: <c>{"status":"success","data":...,"warnings":[...]}</c> (warnings only when
/// there are some) or <c>{"status":"error","errorType":"...","error":"..."}</c> with the status of its type.
/// Written straight to the response with a <see cref="Utf8JsonWriter"/>.
/// </summary>
public sealed class PromResult : IResult
{
    private readonly Action<Utf8JsonWriter>? _data;
    private readonly IReadOnlyList<string> _warnings;
    private readonly PromApiError? _error;

    private PromResult(Action<Utf8JsonWriter>? data, IReadOnlyList<string> warnings, PromApiError? error)
    {
        _data = data;
        _warnings = warnings;
        _error = error;
    }

    public int StatusCode => _error?.StatusCode ?? StatusCodes.Status200OK;

    public static PromResult Success(Action<Utf8JsonWriter> data, IReadOnlyList<string>? warnings = null) => new(data, warnings ?? [], null);

    public static PromResult Error(PromApiError error) => new(null, [], error);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "application/json";
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, PromJson.WriterOptions))
        {
            writer.WriteStartObject();
            if (_error is { } error)
            {
                writer.WriteString("status", "error");
                writer.WriteString("errorType", error.Type);
                writer.WriteString("error", error.Message);
            }
            else
            {
                writer.WriteString("status", "success");
                writer.WritePropertyName("data");
                _data!(writer);
                if (_warnings.Count > 0)
                {
                    writer.WriteStartArray("warnings");
                    foreach (var warning in _warnings)
                    {
                        writer.WriteStringValue(warning);
                    }

                    writer.WriteEndArray();
                }
            }

            writer.WriteEndObject();
            await writer.FlushAsync(httpContext.RequestAborted);
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
