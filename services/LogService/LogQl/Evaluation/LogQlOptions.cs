using System.ComponentModel.DataAnnotations;

namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>
/// The bounds of one LogQL query (<c>Logs:LogQl</c>). Every default is chosen so that a query over a
/// busy day of logs either answers within seconds or is refused with a message saying how to narrow it;
/// none lets one query hold the store for minutes or the process's memory for gigabytes.
/// </summary>
public sealed class LogQlOptions
{
    public const string Section = "Logs:LogQl";

    /// <summary>
    /// Records read from the store per query, 1,000,000. Reading a record costs about a microsecond and a
    /// few hundred bytes of garbage, so this bounds a query at roughly a second or two of CPU; counts that
    /// come from the index (metric queries over a selector alone) read no record and are not bounded by it.
    /// </summary>
    [Range(1_000, 100_000_000)]
    public int MaxRecordsScanned { get; set; } = 1_000_000;

    /// <summary>Wall time per query, 30 s: Grafana's own data source timeout is 30 s, so an answer later than that reaches nobody.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Series a metric query may build before aggregating, 5,000. Each holds two arrays of up to 11,000
    /// steps (about 200 KB), so this caps a query near 1 GB in the worst case and far less in practice; Loki's
    /// own default caps the result at 500.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxSeries { get; set; } = 5_000;

    /// <summary>Lines one log query may return, 5,000: Loki's <c>max_entries_limit_per_query</c> default (Grafana asks for 1,000).</summary>
    [Range(1, 100_000)]
    public int MaxEntriesLimit { get; set; } = 5_000;

    /// <summary>Steps per series, 11,000: Loki's bound ("exceeded maximum resolution of 11,000 points per time series").</summary>
    [Range(1, 1_000_000)]
    public int MaxPoints { get; set; } = 11_000;
}
