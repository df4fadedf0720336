namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// What the store is asked for: <see cref="Text"/> in the store's query syntax (null for every record in
/// the range). <see cref="SelectorIsExact"/> says the store's matches are exactly the stream selector's;
/// otherwise they are a superset, and the evaluator checks each record. Line-filter terms never make a
/// filter exact: they narrow, the filters decide.
/// </summary>
public sealed record StoreFilter(string? Text, bool SelectorIsExact);
