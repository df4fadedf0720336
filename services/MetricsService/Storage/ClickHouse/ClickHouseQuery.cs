namespace AirisEpm.MetricsService.Storage.ClickHouse;

/// <summary>
/// A statement and its parameters. Every value a client supplied (names, label values, regexes, ids,
/// times) travels as a parameter that the server substitutes by its <c>{name:Type}</c> placeholder, so none
/// is ever spliced into the text; the text holds only this store's own fixed SQL and numeric constants.
/// </summary>
internal sealed record ClickHouseQuery(string Sql, IReadOnlyList<QueryParameter> Parameters);
