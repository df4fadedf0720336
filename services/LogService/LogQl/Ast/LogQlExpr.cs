namespace AirisEpm.LogService.LogQl.Ast;

/// <summary>
/// A parsed LogQL query: a log query (<see cref="LogSelectorExpr"/>, answered with streams of lines)
/// or a metric query (<see cref="SampleExpr"/>, answered with samples). The tree holds what the query
/// says and nothing about how it runs; <see cref="Syntax.LogQlPrinter"/> writes it back as text.
/// </summary>
public abstract record LogQlExpr;

/// <summary>An expression whose value is a number per series and step: range and vector aggregations, arithmetic, literals.</summary>
public abstract record SampleExpr : LogQlExpr;
