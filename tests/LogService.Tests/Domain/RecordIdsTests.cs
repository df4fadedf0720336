using System.Buffers.Text;
using AirisEpm.LogService.Domain;
using CsCheck;

namespace AirisEpm.LogService.Tests.Domain;

public sealed class RecordIdsTests
{
    private const long NsPerMs = 1_000_000;

    [Fact]
    public void An_id_is_22_base64url_characters_of_a_version_7_uuid_carrying_the_record_millisecond()
    {
        var timestampNs = DateTimeOffset.Parse("2026-12-01T10:00:00.123Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() * NsPerMs + 456_789;

        var id = RecordIds.New(timestampNs);

        Assert.Equal(22, id.Length);
        Assert.All(id, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not base64url"));
        var uuid = new Guid(Base64Url.DecodeFromChars(id), bigEndian: true);
        Assert.Equal(7, uuid.Version);
        var bytes = uuid.ToByteArray(bigEndian: true);
        var milliseconds = bytes.Take(6).Aggregate(0L, (value, b) => (value << 8) | b);
        Assert.Equal(timestampNs / NsPerMs, milliseconds);
    }

    [Fact]
    public void Ids_of_the_same_instant_differ()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => RecordIds.New(1_700_000_000_000_000_000)).ToHashSet();

        Assert.Equal(10_000, ids.Count);
    }

    [Fact]
    public void The_window_of_a_new_id_holds_its_timestamp_and_only_its_millisecond() =>
        Gen.Long[0, long.MaxValue].Sample(ts =>
        {
            var id = RecordIds.New(ts);
            var ms = ts / NsPerMs;
            return RecordIds.TryGetWindow(id, out var first, out var last)
                && RecordIds.Tells(id, ts)
                && first == (ms == 0 ? long.MinValue : ms * NsPerMs)
                && last == Math.Min(long.MaxValue, (ms * NsPerMs) + NsPerMs - 1)
                && (first == long.MinValue || !RecordIds.Tells(id, first - 1))
                && (last == long.MaxValue || !RecordIds.Tells(id, last + 1));
        });

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(999_999)]
    [InlineData(long.MaxValue)]
    public void Timestamps_at_the_ends_of_time_are_told_by_their_ids(long timestampNs)
    {
        Assert.True(RecordIds.Tells(RecordIds.New(timestampNs), timestampNs));
    }

    [Theory]
    [InlineData("")]
    [InlineData("r01")]
    [InlineData("0af7651916cd43dd8448eb211c80319c")] // 32 hex digits, not base64url of 16 bytes
    [InlineData("AZrZWtV7cBKAAAAAAAAAA")] // 21 characters
    [InlineData("AZrZWtV7cBKAAAAAAAAAA!")] // not base64url
    [InlineData("AZrZWtV7YBKAAAAAAAAAAA")] // version 6
    [InlineData("AZrZWtV7cBIAAAAAAAAAAA")] // not the RFC 9562 variant
    [InlineData("________cBKAAAAAAAAAAA")] // a millisecond past what nanoseconds in a long can hold
    public void Ids_not_made_by_New_tell_no_time(string id)
    {
        Assert.False(RecordIds.TryGetWindow(id, out _, out _));
        Assert.False(RecordIds.Tells(id, 0));
    }

    [Fact]
    public void A_well_formed_id_tells_its_millisecond()
    {
        Assert.True(RecordIds.TryGetWindow("AZrZWtV7cBKAAAAAAAAAAA", out var first, out var last));
        Assert.Equal((1_764_583_200_123 * NsPerMs, (1_764_583_200_124 * NsPerMs) - 1), (first, last));
    }

    [Fact]
    public void An_id_of_another_millisecond_does_not_tell_the_time()
    {
        var id = RecordIds.New(5 * NsPerMs);

        Assert.True(RecordIds.Tells(id, (5 * NsPerMs) + 1));
        Assert.False(RecordIds.Tells(id, 6 * NsPerMs));
        Assert.False(RecordIds.Tells(id, 0));
    }
}
