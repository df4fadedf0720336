namespace AirisEpm.LogService.Parsing;

/// <summary>
/// Bounds on the work one line or one record can cost. Every scanner is linear in its input, so
/// these bound memory and pathological shapes rather than rescue a backtracking matcher. Nothing
/// past a limit is dropped: it is kept in a less structured form, as each property says.
/// </summary>
public sealed record ParserLimits
{
    /// <summary>
    /// Lines longer than this (in UTF-16 chars) are not split into structure: the whole line is the
    /// message, with a leading level word and a traceparent still found. 256 Ki is far above any
    /// real header-plus-message line (Loki's default line limit is 256 KB) and keeps the pooled
    /// UTF-8 buffer for JSON under 1 MiB.
    /// </summary>
    public int MaxStructuredLineChars { get; init; } = 256 * 1024;

    /// <summary>
    /// JSON nesting the reader accepts at all; deeper lines are not JSON to us and become plain
    /// messages. 64 is System.Text.Json's own default.
    /// </summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>
    /// Nesting flattened to dotted names (<c>http.request.method</c>); objects below it are kept as
    /// their JSON text in one field. 8 covers ECS and OTLP attribute shapes with room to spare.
    /// </summary>
    public int MaxFlattenDepth { get; init; } = 8;

    /// <summary>
    /// Fields split out of one line; past it the line's remaining keys are not split and the full
    /// line is kept in the <c>raw</c> field instead, so an adversarial key explosion cannot bloat the
    /// index while no data is lost. 256 is ten times a busy structured log line.
    /// </summary>
    public int MaxFields { get; init; } = 256;

    /// <summary>
    /// Continuation lines joined to one record. Past it the record is closed and the next
    /// continuation starts a record of its own (nothing is dropped). Java traces with deep
    /// caused-by chains reach a few hundred frames; 1,000 keeps them whole.
    /// </summary>
    public int MaxStackLines { get; init; } = 1000;

    /// <summary>Characters of continuation text joined to one record, with the same overflow rule as <see cref="MaxStackLines"/>.</summary>
    public int MaxStackChars { get; init; } = 512 * 1024;

    public static ParserLimits Default { get; } = new();
}
