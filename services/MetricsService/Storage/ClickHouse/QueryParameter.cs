namespace AirisEpm.MetricsService.Storage.ClickHouse;

/// <summary>One server-side query parameter: its name, its ClickHouse type (as in the <c>{name:Type}</c> placeholder) and its value.</summary>
internal readonly record struct QueryParameter(string Name, string Type, object Value);
