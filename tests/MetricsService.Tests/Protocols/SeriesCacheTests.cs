using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Protocols;
using AirisEpm.MetricsService.Protocols.RemoteWrite;
using AirisEpm.MetricsService.Tests.Support;
using AirisEpm.Protocols;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Tests.Protocols;

/// <summary>The remote_write decoder's cross-request series cache, and the cache's bounded generations.</summary>
public sealed class SeriesCacheTests
{
    private static RemoteWriteDecoder Decoder(int cached = 1_000) => new(Options.Create(new ProtocolOptions { MaxCachedSeries = cached }));

    private static byte[] Request(double value, long ts, params (string, string)[] labels) => new RemoteWriteBuilder().Series(labels, (value, ts)).ToBytes();

    [Fact]
    public void A_series_sent_again_shares_name_labels_and_id_with_its_first_decode()
    {
        var decoder = Decoder();
        var first = Assert.Single(decoder.Decode(Request(1, 1_000, ("__name__", "up"), ("job", "api"))));
        var second = Assert.Single(decoder.Decode(Request(2, 2_000, ("__name__", "up"), ("job", "api"))));

        Assert.Same(first.Labels, second.Labels);
        Assert.Same(first.Name, second.Name);
        Assert.Equal(second.Labels.SeriesId("up"), second.SeriesId);
        Assert.Equal((2d, 2_000L), (second.Value, second.TimestampMs));
        Assert.Equal(1, decoder.CachedSeries);
    }

    [Fact]
    public void The_type_still_comes_from_each_requests_metadata()
    {
        var decoder = Decoder();
        decoder.Decode(Request(1, 1, ("__name__", "requests_total")));
        var typed = decoder.Decode(new RemoteWriteBuilder().Series([("__name__", "requests_total")], (2, 2)).Metadata("requests", 1).ToBytes());
        var untyped = decoder.Decode(Request(3, 3, ("__name__", "requests_total")));

        Assert.Equal(MetricType.Counter, Assert.Single(typed).Type);
        Assert.Equal(MetricType.Unknown, Assert.Single(untyped).Type);
    }

    [Fact]
    public void A_known_series_with_a_malformed_sample_is_still_rejected()
    {
        var decoder = Decoder();
        decoder.Decode(Request(1, 1, ("__name__", "up")));
        var series = new MemoryStream();
        var output = new CodedOutputStream(series);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(Label("__name__", "up"));
        output.WriteTag(2, WireFormat.WireType.Varint); // samples must be length-delimited
        output.WriteInt32(7);
        output.Flush();

        Assert.Throws<MalformedPayloadException>(() => decoder.Decode(Wrap(series.ToArray())));
    }

    [Fact]
    public void Label_fields_split_by_a_sample_decode_alike_and_are_not_cached()
    {
        var decoder = Decoder();
        var series = new MemoryStream();
        var output = new CodedOutputStream(series);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(Label("__name__", "up"));
        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(SampleBytes(4, 9));
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(Label("job", "api"));
        output.Flush();

        var sample = Assert.Single(decoder.Decode(Wrap(series.ToArray())));

        Assert.Equal(("up", "api", 4d, 9L), (sample.Name, sample.Labels["job"], sample.Value, sample.TimestampMs));
        Assert.Equal(0, decoder.CachedSeries);
    }

    [Fact]
    public void With_the_cache_off_every_request_decodes_in_full()
    {
        var decoder = Decoder(cached: 0);
        // With a label: a series with none has the one shared empty set.
        var first = Assert.Single(decoder.Decode(Request(1, 1, ("__name__", "up"), ("job", "api"))));
        var second = Assert.Single(decoder.Decode(Request(1, 2, ("__name__", "up"), ("job", "api"))));

        Assert.NotSame(first.Labels, second.Labels);
        Assert.Equal(first.SeriesId, second.SeriesId);
        Assert.Equal(0, decoder.CachedSeries);
    }

    [Fact]
    public void The_cache_holds_at_most_its_capacity_and_keeps_what_is_still_sent()
    {
        var cache = new SeriesCache(capacity: 4);
        byte[][] keys = [.. Enumerable.Range(0, 6).Select(i => new[] { (byte)i, (byte)(i * 7) })];
        foreach (var key in keys[..2])
        {
            cache.Add(key, "m", LabelSet.Empty); // the second add fills half: the generation turns
        }

        Assert.True(cache.TryGet(keys[0], out _)); // from the previous generation, moved back into the current one
        cache.Add(keys[2], "m", LabelSet.Empty);  // the current one is full again: keys[1] is left in the oldest and dropped next
        cache.Add(keys[3], "m", LabelSet.Empty);
        cache.Add(keys[4], "m", LabelSet.Empty);

        Assert.True(cache.Count <= 4, $"{cache.Count} entries");
        Assert.False(cache.TryGet(keys[1], out _));
        Assert.True(cache.TryGet(keys[4], out var hit));
        Assert.Equal(keys[4], hit.RawLabels);
        Assert.False(cache.TryGet(keys[5], out _));
    }

    private static byte[] Wrap(byte[] series)
    {
        var request = new MemoryStream();
        var output = new CodedOutputStream(request);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(series));
        output.Flush();
        return request.ToArray();
    }

    private static ByteString Label(string name, string value)
    {
        var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited);
        output.WriteString(name);
        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
        output.Flush();
        return ByteString.CopyFrom(stream.ToArray());
    }

    private static ByteString SampleBytes(double value, long ts)
    {
        var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        output.WriteTag(1, WireFormat.WireType.Fixed64);
        output.WriteDouble(value);
        output.WriteTag(2, WireFormat.WireType.Varint);
        output.WriteInt64(ts);
        output.Flush();
        return ByteString.CopyFrom(stream.ToArray());
    }
}
