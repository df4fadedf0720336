using AirisEpm.PromQl.Model;

namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>A stream selector and its pipeline: <c>{service="api", env=~"prod|stg"} |= "error" | json | status >= 500</c>.</summary>
public sealed record LogSelectorExpr(IReadOnlyList<Matcher> Matchers, IReadOnlyList<PipelineStage> Stages) : LogQlExpr;
