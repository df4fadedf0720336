namespace AirisEpm.LogService.LogQl.Ast;

/// <summary><c>| json</c>: every field of a JSON object line becomes a label, nested keys joined by <c>_</c>.</summary>
public sealed record JsonParserStage : PipelineStage;

/// <summary><c>| logfmt</c>: every <c>key=value</c> pair of the line becomes a label.</summary>
public sealed record LogfmtParserStage : PipelineStage;
