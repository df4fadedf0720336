namespace AirisEpm.MetricsService.Domain;

/// <summary>
/// One sample as every ingest path (JSON, remote_write, OTLP, scraping) produces it.
/// NaN and ±Inf are legal values and are stored as such.
/// </summary>
public sealed record MetricSample(string Name, LabelSet Labels, long TimestampMs, double Value, MetricType Type = MetricType.Gauge)
{
    public string Name
    {
        get;
        init
        {
            field = value;
            SeriesId = Labels.SeriesId(value);
        }
    } = Name;

    public LabelSet Labels
    {
        get;
        init
        {
            field = value;
            SeriesId = value.SeriesId(Name);
        }
    } = Labels;

    /// <summary>
    /// The series id (a hash of name and labels), computed once: the store, the threshold engine and the
    /// catalog all ask for it. A with-expression that changes the name or the labels computes it again.
    /// </summary>
    public long SeriesId { get; private init; } = Labels.SeriesId(Name);
}
