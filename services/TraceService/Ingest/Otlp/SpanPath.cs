namespace AirisEpm.TraceService.Ingest.Otlp;

/// <summary>Where a span sits in an export request; its text is made only when a problem names it.</summary>
internal readonly record struct SpanPath(int Resource, int Scope, int Span)
{
    public string At(string field) => $"resourceSpans[{Resource}].scopeSpans[{Scope}].spans[{Span}].{field}";
}
