namespace AirisEpm.MetricsService.Domain;

/// <summary>
/// One sample as every ingest path (JSON, remote_write, OTLP, scraping) produces it.
/// NaN and ±Inf are legal values and are stored as such.
/// </summary>
public sealed record MetricSample
{
    private readonly string _name;
    private readonly LabelSet _labels;

    public MetricSample(string name, LabelSet labels, long timestampMs, double value, MetricType type = MetricType.Gauge)
        : this(name, labels, labels.SeriesId(name), timestampMs, value, type)
    {
    }

    /// <summary>
    /// A sample of a series whose id the caller already holds (the remote_write decoder's interned series, the
    /// write-ahead log's replay), so name and labels are not hashed again per sample. The id must be
    /// <c>labels.SeriesId(name)</c>.
    /// </summary>
    internal MetricSample(string name, LabelSet labels, long seriesId, long timestampMs, double value, MetricType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(labels);
        _name = name;
        _labels = labels;
        SeriesId = seriesId;
        TimestampMs = timestampMs;
        Value = value;
        Type = type;
    }

    public string Name
    {
        get => _name;
        init
        {
            _name = value;
            SeriesId = _labels.SeriesId(value);
        }
    }

    public LabelSet Labels
    {
        get => _labels;
        init
        {
            _labels = value;
            SeriesId = value.SeriesId(_name);
        }
    }

    public long TimestampMs { get; init; }

    public double Value { get; init; }

    public MetricType Type { get; init; }

    /// <summary>
    /// The series id (a hash of name and labels), computed once: the store, the threshold engine and the
    /// catalog all ask for it. A with-expression that changes the name or the labels computes it again.
    /// </summary>
    public long SeriesId { get; private init; }
}
