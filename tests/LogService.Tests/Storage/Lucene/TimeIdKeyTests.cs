using System.Text;
using AirisEpm.LogService.Storage.Lucene;
using CsCheck;
using Lucene.Net.Util;

namespace AirisEpm.LogService.Tests.Storage.Lucene;

/// <summary>The (timestamp, id) key sorts as records are paged: by time, then by the id's UTF-8 bytes.</summary>
public sealed class TimeIdKeyTests
{
    private static readonly Gen<long> Times = Gen.OneOf(Gen.Long, Gen.Long[-3, 3], Gen.OneOf(Gen.Const(long.MinValue), Gen.Const(long.MaxValue), Gen.Const(0L)));
    private static readonly Gen<string> Ids = Gen.OneOf(Gen.String[Gen.Char.AlphaNumeric, 0, 24], Gen.String[Gen.Char[' ', '~'], 0, 8], Gen.OneOf(new[] { "", "a", "ab", "é", "\uffff", "😀" }.Select(Gen.Const).ToArray()));

    [Fact]
    public void Keys_compare_as_their_timestamps_then_their_ids_utf8_bytes() =>
        Gen.Select(Times, Ids, Times, Ids).Sample((t1, id1, t2, id2) =>
        {
            var expected = t1 != t2 ? t1.CompareTo(t2) : Encoding.UTF8.GetBytes(id1).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(id2));
            return Math.Sign(TimeIdKey.Of(t1, id1).CompareTo(TimeIdKey.Of(t2, id2))) == Math.Sign(expected);
        });

    [Fact]
    public void A_key_gives_back_its_timestamp_and_id() =>
        Gen.Select(Times, Ids).Sample((t, id) =>
        {
            var key = TimeIdKey.Of(t, id);
            return TimeIdKey.TimestampOf(key) == t && TimeIdKey.IdOf(key) == id && TimeIdKey.HasId(key, Encoding.UTF8.GetBytes(id));
        });

    [Fact]
    public void The_start_of_an_instant_sorts_after_every_earlier_key_and_at_or_before_every_key_of_it() =>
        Gen.Select(Times, Ids, Times).Sample((t, id, at) =>
        {
            var order = TimeIdKey.Of(t, id).CompareTo(TimeIdKey.Start(at));
            return t < at ? order < 0 : order >= 0;
        });

    [Fact]
    public void Writing_into_a_reused_key_grows_it_and_leaves_nothing_of_the_last_value()
    {
        var key = new BytesRef(4);
        TimeIdKey.Write(key, 7, "a-rather-long-id-of-many-bytes");
        TimeIdKey.Write(key, -7, "b");

        Assert.Equal((-7L, "b"), (TimeIdKey.TimestampOf(key), TimeIdKey.IdOf(key)));
        Assert.Equal(TimeIdKey.Of(-7, "b"), key);
    }
}
