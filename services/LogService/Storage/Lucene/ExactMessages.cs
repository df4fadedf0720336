using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using AirisEpm.LogService.Storage.Lucene.Filters;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace AirisEpm.LogService.Storage.Lucene;

/// <summary>
/// Exact whole-message matching (<c>message.keyword:"…"</c>) without a term per distinct message: each record keeps
/// the 64-bit XXH3 hash of its message's UTF-8 bytes as sorted doc values of <c>message.keyword</c>, and a query is the
/// phrase of the message's words (which finds the candidates through the analysed <c>message</c>) kept only where the
/// hash is the query's. Eight bytes of doc values cost a flush far less than a message-long term did (see
/// bench/LogIngest.Benchmarks). Two different messages with the same words and the same hash would both match: one
/// chance in 2^64 per such pair. Messages longer than <see cref="MaxLength"/> characters have no hash, as they had no
/// term (Elasticsearch's <c>ignore_above</c> on the keyword).
/// </summary>
internal static class ExactMessages
{
    public const int MaxLength = 1_024;
    public const int HashBytes = 8;

    /// <summary>Sets <paramref name="hash"/> to the hash of <paramref name="message"/>, encoding through <paramref name="utf8"/> (grown as needed).</summary>
    public static void Write(BytesRef hash, string message, ref byte[] utf8)
    {
        var length = Encoding.UTF8.GetMaxByteCount(message.Length);
        if (utf8.Length < length)
        {
            utf8 = new byte[Math.Max(length, utf8.Length * 2)];
        }

        var written = Encoding.UTF8.GetBytes(message, 0, message.Length, utf8, 0);
        if (hash.Bytes.Length < HashBytes)
        {
            hash.Bytes = new byte[HashBytes];
        }

        BinaryPrimitives.WriteUInt64BigEndian(hash.Bytes, XxHash3.HashToUInt64(utf8.AsSpan(0, written)));
        (hash.Offset, hash.Length) = (0, HashBytes);
    }

    /// <summary>
    /// The records whose message is exactly <paramref name="message"/>: <paramref name="words"/> (its phrase on
    /// <c>message</c>, or null when it has no words) drives the search, the hash decides.
    /// </summary>
    public static Query Matching(string message, Query? words)
    {
        if (message.Length > MaxLength)
        {
            return new BooleanQuery();
        }

        var hash = new BytesRef(HashBytes);
        var scratch = Array.Empty<byte>();
        Write(hash, message, ref scratch);
        return new FilteredQuery(words ?? new MatchAllDocsQuery(), new SortedValueFilter(LogFieldNames.MessageKeyword, hash), FilteredQuery.QUERY_FIRST_FILTER_STRATEGY);
    }
}
