namespace AirisEpm.TraceService.Ingest.Zipkin;

/// <summary>
/// Where a value sits in a Zipkin batch (<c>[3]</c>, <c>[3].timestamp</c>, <c>[3].remoteEndpoint.port</c>);
/// its text is made only when a problem names it, so a clean batch allocates no paths.
/// </summary>
internal readonly record struct ZipkinPath(int Index, string? Field = null, string? Sub = null)
{
    public ZipkinPath Then(string name) => Field is null ? this with { Field = name } : this with { Sub = name };

    public override string ToString() =>
        Field is null ? $"[{Index}]" : Sub is null ? $"[{Index}].{Field}" : $"[{Index}].{Field}.{Sub}";
}
