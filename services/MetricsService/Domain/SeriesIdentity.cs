using System.IO.Hashing;
using System.Text;

namespace AirisEpm.MetricsService.Domain;

/// <summary>
/// A stored series' id: XxHash64 of its metric name's UTF-8 bytes seeded with the hash of its other labels
/// (<see cref="LabelSet.Hash"/> of the set without <c>__name__</c>), stable across replicas and restarts. The store
/// keeps the name in its own column and the labels without it, so the id never depends on how the name is carried.
/// </summary>
public static class SeriesIdentity
{
    /// <summary>Series id: a stable 64-bit hash of <paramref name="metricName"/> and <paramref name="labels"/> (no <c>__name__</c> among them).</summary>
    public static long SeriesId(this LabelSet labels, string metricName)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(metricName);
        // The UTF-8 bytes of the name, on the stack for every real name: this runs once per ingested series.
        var length = Encoding.UTF8.GetByteCount(metricName);
        Span<byte> utf8 = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(metricName, utf8);
        return (long)XxHash64.HashToUInt64(utf8, (long)labels.Hash);
    }
}
