namespace AirisEpm.MetricsService.Prometheus.SideData;

/// <summary>Metadata entries by family, then type, help and unit (ordinal).</summary>
public sealed class MetadataOrder : IComparer<MetricMetadata>
{
    public static readonly MetadataOrder Instance = new();

    public int Compare(MetricMetadata? x, MetricMetadata? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var order = string.CompareOrdinal(x.Family, y.Family);
        order = order != 0 ? order : string.CompareOrdinal(x.Type, y.Type);
        order = order != 0 ? order : string.CompareOrdinal(x.Help, y.Help);
        return order != 0 ? order : string.CompareOrdinal(x.Unit, y.Unit);
    }
}
