namespace AirisEpm.LogService.LogQl.Ast;

/// <summary><c>| decolorize</c>: removes ANSI colour and cursor escape sequences from the line.</summary>
public sealed record DecolorizeStage : PipelineStage;
