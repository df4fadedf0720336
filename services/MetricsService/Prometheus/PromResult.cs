using System.Text.Json;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// Prometheus's response envelope: <c>{"status":"success","data":...,"warnings":[...],"infos":[...]}</c> (warnings
/// and Prometheus 3's infos only when there are some) or <c>{"status":"error","errorType":"...","error":"..."}</c> with the status of its type.
/// Written straight to the response with a <see cref="Utf8JsonWriter"/>.
/// </summary>
public sealed class PromResult : IResult
{
    private readonly Action<Utf8JsonWriter>? _data;
    private readonly IReadOnlyList<string> _warnings;
    private readonly IReadOnlyList<string> _infos;
    private readonly PromApiError? _error;

    private PromResult(Action<Utf8JsonWriter>? data, IReadOnlyList<string> warnings, IReadOnlyList<string> infos, PromApiError? error)
    {
        _data = data;
        _warnings = warnings;
        _infos = infos;
        _error = error;
    }

    public int StatusCode => _error?.StatusCode ?? StatusCodes.Status200OK;

    public static PromResult Success(Action<Utf8JsonWriter> data, IReadOnlyList<string>? warnings = null, IReadOnlyList<string>? infos = null) =>
        new(data, warnings ?? [], infos ?? [], null);

    public static PromResult Error(PromApiError error) => new(null, [], [], error);

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
                WriteStrings(writer, "warnings", _warnings);
                WriteStrings(writer, "infos", _infos);
            }

            writer.WriteEndObject();
            await writer.FlushAsync(httpContext.RequestAborted);
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

    private static void WriteStrings(Utf8JsonWriter writer, string property, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(property);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
