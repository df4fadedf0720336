namespace AirisEpm.MetricsService.Storage.ClickHouse;

/// <summary>Collects a statement's parameters while it is built and answers each with its placeholder (<c>{p0:String}</c>, ...).</summary>
internal sealed class QueryParameters
{
    private readonly List<QueryParameter> _parameters = [];

    public string Bind(string type, object value)
    {
        var name = "p" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _parameters.Add(new QueryParameter(name, type, value));
        return "{" + name + ":" + type + "}";
    }

    /// <summary>
    /// The condition that keeps the rows of these series. An IN over a subquery is a set that the primary-key
    /// analysis searches with; <c>has(array, series_id)</c>, used before, was not (ClickHouse issue 90980, fixed after 25.8).
    /// </summary>
    public string SeriesIn(IReadOnlyCollection<long> seriesIds) => SeriesIn(Bind("Array(Int64)", seriesIds.ToArray()));

    /// <summary>The same, for ids already bound as an <c>Array(Int64)</c> parameter.</summary>
    public static string SeriesIn(string idsPlaceholder) => $"series_id IN (SELECT arrayJoin({idsPlaceholder}))";

    public ClickHouseQuery Query(string sql) => new(sql, [.. _parameters]);
}
