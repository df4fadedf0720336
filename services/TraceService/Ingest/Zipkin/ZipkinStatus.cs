using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Ingest.Zipkin;

/// <summary>
/// A span's status from its Zipkin tags, the reverse of OpenTelemetry's Zipkin exporter: <c>otel.status_code</c>
/// (<c>OK</c>/<c>ERROR</c>, any case: Go's exporter, which daprd uses, writes <c>Ok</c>/<c>Error</c>) with the
/// description in <c>otel.status_description</c> or, for errors, in <c>error</c>; without <c>otel.status_code</c>
/// an <c>error</c> tag alone (Zipkin's own convention, value a message or empty) means an error. The tags read
/// become the status and leave the attributes; an <c>otel.status_code</c> of another value stays a plain tag.
/// </summary>
internal static class ZipkinStatus
{
    private const string CodeTag = "otel.status_code";
    private const string DescriptionTag = "otel.status_description";
    private const string ErrorTag = "error";

    public static (SpanStatus Status, string? Message) Take(Dictionary<string, AttributeValue> tags)
    {
        var hasError = tags.TryGetValue(ErrorTag, out var error);
        tags.TryGetValue(DescriptionTag, out var description);
        if (tags.TryGetValue(CodeTag, out var code) && Parse(code.Text) is { } status)
        {
            tags.Remove(CodeTag);
            tags.Remove(DescriptionTag);
            var message = description.Text;
            if (status == SpanStatus.Error && hasError)
            {
                tags.Remove(ErrorTag);
                message = string.IsNullOrEmpty(message) ? error.Text : message;
            }

            return (status, Message(message));
        }

        if (!hasError) return (SpanStatus.Unset, null);
        tags.Remove(ErrorTag);
        return (SpanStatus.Error, Message(error.Text));
    }

    private static SpanStatus? Parse(string code) =>
        code.Equals("OK", StringComparison.OrdinalIgnoreCase) ? SpanStatus.Ok
        : code.Equals("ERROR", StringComparison.OrdinalIgnoreCase) ? SpanStatus.Error
        : code.Equals("UNSET", StringComparison.OrdinalIgnoreCase) ? SpanStatus.Unset
        : null;

    /// <summary>"true" is a flag, not a message (Brave and older tracers tag <c>error=true</c>).</summary>
    private static string? Message(string? text) =>
        string.IsNullOrEmpty(text) || text.Equals("true", StringComparison.OrdinalIgnoreCase) ? null : text;
}
