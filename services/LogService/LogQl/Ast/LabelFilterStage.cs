namespace AirisEpm.LogService.LogQl.Ast;

/// <summary><c>| status >= 500 and level="error"</c>: keeps the lines whose labels satisfy the predicate.</summary>
public sealed record LabelFilterStage(LabelPredicate Predicate) : PipelineStage;
