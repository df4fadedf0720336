namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>One stage of a log pipeline, applied to each line in order.</summary>
public abstract record PipelineStage;
