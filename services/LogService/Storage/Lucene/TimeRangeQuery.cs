using Lucene.Net.Index;
using Lucene.Net.Search;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// The records stamped in a range of <c>timestamp</c> (null for an open end), as the query syntax and the store ask for
/// it. It searches as the trie range of the second buckets it touches (<c>_time_bucket</c>), each record in them
/// checked against the exact range by its key's ordinal (<see cref="Within"/>); it keeps the bounds as given, so
/// Elasticsearch receives the same range.
/// </summary>
internal sealed class TimeRangeQuery(long? from, long? to, bool fromInclusive, bool toInclusive) : Query
{
    public long? From => from;

    public long? To => to;

    public bool FromInclusive => fromInclusive;

    public bool ToInclusive => toInclusive;

    /// <summary>The records stamped in [<paramref name="firstNs"/>, <paramref name="lastNs"/>], both inclusive, checked one by one on their keys' ordinals.</summary>
    public static Filter Within(long firstNs, long lastNs) =>
        FieldCacheRangeFilter.NewBytesRefRange(
            TimeIdKey.Field, firstNs == long.MinValue ? null : TimeIdKey.Start(firstNs), lastNs == long.MaxValue ? null : TimeIdKey.Start(lastNs + 1), true, false);

    /// <summary>The records whose second bucket (<c>_time_bucket</c>) is one that [<paramref name="firstNs"/>, <paramref name="lastNs"/>] touches: a superset of the range's records.</summary>
    public static Query Buckets(long firstNs, long lastNs) => NumericRangeQuery.NewInt64Range(
        LogDocuments.TimeBucket, LogDocuments.TimeBucketPrecisionStep, LogDocuments.BucketOf(firstNs), LogDocuments.BucketOf(lastNs), true, true);

    public override Query Rewrite(IndexReader reader)
    {
        var (first, last) = (from is not { } f ? long.MinValue : fromInclusive ? f : f + 1, to is not { } t ? long.MaxValue : toInclusive ? t : t - 1);
        if ((from == long.MaxValue && !fromInclusive) || (to == long.MinValue && !toInclusive))
        {
            (first, last) = (long.MaxValue, long.MinValue); // nothing is after the last instant or before the first
        }

        return new FilteredQuery(Buckets(first, last), Within(first, last), FilteredQuery.QUERY_FIRST_FILTER_STRATEGY) { Boost = Boost };
    }

    public override string ToString(string field) =>
        $"{LogFieldNames.Timestamp}:{(fromInclusive ? '[' : '{')}{from?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*"} TO {to?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "*"}{(toInclusive ? ']' : '}')}";

    public override bool Equals(object? obj) =>
        obj is TimeRangeQuery other && other.Boost == Boost && (other.From, other.To, other.FromInclusive, other.ToInclusive) == (from, to, fromInclusive, toInclusive);

    public override int GetHashCode() => HashCode.Combine(Boost, from, to, fromInclusive, toInclusive);
}
