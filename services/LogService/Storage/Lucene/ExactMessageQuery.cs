using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using AirisEpm.LogService.Storage.Lucene.Filters;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// <c>message.keyword:"…"</c>: the records whose message is exactly <see cref="Message"/>, found without a term per
/// distinct message. Each record keeps the 64-bit XXH3 hash of its message's UTF-8 bytes as sorted doc values of
/// <c>message.keyword</c> (<see cref="Write"/>); the query searches as the phrase of the message's words (the
/// candidates, through the analysed <c>message</c>; every record when the message has no words) kept only where the
/// hash is the query's. Eight bytes of doc values cost a segment flush far less than a message-long term did
/// (bench/LogIngest.Benchmarks). Two messages with the same words and the same hash would both match: one chance in
/// 2^64 per such pair. Messages longer than <see cref="MaxLength"/> characters have no hash, as they had no term
/// (Elasticsearch's <c>ignore_above</c> on the keyword). Elasticsearch receives it as the term it is there.
/// </summary>
internal sealed class ExactMessageQuery(string message, Query? words) : Query
{
    public const int MaxLength = 1_024;
    public const int HashBytes = 8;

    public string Message => message;

    /// <summary>Sets <paramref name="hash"/> to the hash of <paramref name="text"/>, encoding through <paramref name="utf8"/> (grown as needed).</summary>
    public static void Write(BytesRef hash, string text, ref byte[] utf8)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (utf8.Length < length)
        {
            utf8 = new byte[Math.Max(length, utf8.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(text, 0, text.Length, utf8, 0);
        if (hash.Bytes.Length < HashBytes)
        {
            hash.Bytes = new byte[HashBytes];
        }

        BinaryPrimitives.WriteUInt64BigEndian(hash.Bytes, XxHash3.HashToUInt64(utf8.AsSpan(0, written)));
        (hash.Offset, hash.Length) = (0, HashBytes);
    }

    public override Query Rewrite(IndexReader reader)
    {
        if (message.Length > MaxLength)
        {
            return new BooleanQuery();
        }

        var hash = new BytesRef(HashBytes);
        var utf8 = Array.Empty<byte>();
        Write(hash, message, ref utf8);
        var candidates = words ?? new MatchAllDocsQuery();
        return new FilteredQuery(candidates, new SortedValueFilter(LogFieldNames.MessageKeyword, hash), FilteredQuery.QUERY_FIRST_FILTER_STRATEGY) { Boost = Boost };
    }

    public override string ToString(string field) => $"{LogFieldNames.MessageKeyword}:\"{message}\"";

    public override bool Equals(object? obj) => obj is ExactMessageQuery other && other.Boost == Boost && other.Message == message;

    public override int GetHashCode() => HashCode.Combine(Boost, message);
}
