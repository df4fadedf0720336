using AirisEpm.Protocols;
using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Protocols;
using AirisEpm.MetricsService.Protocols.RemoteWrite;
using AirisEpm.MetricsService.Tests.Support;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Tests.Protocols;

public sealed class RemoteWriteDecoderTests
{
    private readonly RemoteWriteDecoder _decoder = new(Options.Create(new ProtocolOptions()));

    [Fact]
    public void Decodes_name_labels_values_and_timestamps_sharing_one_label_set_per_series()
    {
        var bytes = new RemoteWriteBuilder()
            .Series([("__name__", "http_requests_total"), ("job", "api"), ("code", "200")], (1.5, 1_700_000_000_000), (2.5, 1_700_000_015_000))
            .Series([("__name__", "up"), ("job", "api")], (1, 1_700_000_000_000))
            .ToBytes();

        var samples = _decoder.Decode(bytes);

        Assert.Equal(3, samples.Count);
        Assert.Equal("http_requests_total", samples[0].Name);
        Assert.Equal("{code=\"200\", job=\"api\"}", samples[0].Labels.ToString());
        Assert.Equal((1.5, 1_700_000_000_000L), (samples[0].Value, samples[0].TimestampMs));
        Assert.Equal((2.5, 1_700_000_015_000L), (samples[1].Value, samples[1].TimestampMs));
        Assert.Same(samples[0].Labels, samples[1].Labels);
        Assert.Equal("up", samples[2].Name);
        Assert.Equal(MetricType.Unknown, samples[2].Type);
    }

    [Fact]
    public void Metadata_in_the_same_request_gives_the_family_type()
    {
        var bytes = new RemoteWriteBuilder()
            .Series([("__name__", "rpc_seconds_bucket"), ("le", "0.5")], (3, 1))
            .Series([("__name__", "requests_total")], (7, 1))
            .Metadata("rpc_seconds", 3)
            .Metadata("requests", 1)
            .ToBytes();

        var samples = _decoder.Decode(bytes);

        Assert.Equal(MetricType.Histogram, samples[0].Type);
        Assert.Equal(MetricType.Counter, samples[1].Type);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Nan_and_infinities_are_kept(double value)
    {
        var samples = _decoder.Decode(new RemoteWriteBuilder().Series([("__name__", "g")], (value, 5)).ToBytes());
        Assert.Equal(value, samples.Single().Value);
    }

    [Fact]
    public void Unicode_label_values_survive()
    {
        var samples = _decoder.Decode(new RemoteWriteBuilder().Series([("__name__", "g"), ("city", "Zürich 東京 🚀")], (1, 5)).ToBytes());
        Assert.Equal("Zürich 東京 🚀", samples.Single().Labels["city"]);
    }

    [Fact]
    public void An_empty_label_value_means_no_label()
    {
        var samples = _decoder.Decode(new RemoteWriteBuilder().Series([("__name__", "g"), ("empty", "")], (1, 5)).ToBytes());
        Assert.Equal(0, samples.Single().Labels.Count);
    }

    public static TheoryData<string, (string, string)[]> InvalidSeries => new()
    {
        { "no __name__", [("job", "x")] },
        { "does not match", [("__name__", "1bad")] },
        { "does not match", [("__name__", "bad-name")] },
        { "does not match", [("__name__", "g"), ("bad-label", "x")] },
        { "reserved", [("__name__", "g"), ("__meta", "x")] },
        { "appears twice", [("__name__", "g"), ("a", "1"), ("a", "2")] },
        { "more than the limit of 30", [("__name__", "g"), .. Enumerable.Range(0, 31).Select(i => ($"l{i}", "v"))] },
        { "more than the limit of 2048", [("__name__", "g"), ("long", new string('x', 2049))] },
    };

    [Theory]
    [MemberData(nameof(InvalidSeries))]
    public void Invalid_series_reject_the_whole_request_naming_the_problem(string expected, (string, string)[] labels)
    {
        var bytes = new RemoteWriteBuilder().Series([("__name__", "fine")], (1, 1)).Series(labels, (1, 1)).ToBytes();
        var error = Assert.Throws<MalformedPayloadException>(() => _decoder.Decode(bytes));
        Assert.Contains("timeseries[1]", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Every_truncation_of_a_valid_request_is_rejected_or_decodes_a_prefix_never_crashes()
    {
        var bytes = new RemoteWriteBuilder().Series([("__name__", "g"), ("job", "x")], (1, 1), (2, 2)).ToBytes();
        for (var length = 1; length < bytes.Length; length++)
        {
            try
            {
                _decoder.Decode(bytes.AsSpan(0, length));
            }
            catch (MalformedPayloadException)
            {
            }
        }

        Assert.Throws<MalformedPayloadException>(() => _decoder.Decode(bytes.AsSpan(0, bytes.Length - 3)));
    }

    [Fact]
    public void Garbage_is_rejected()
    {
        var garbage = new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 };
        Assert.Throws<MalformedPayloadException>(() => _decoder.Decode(garbage));
    }

    [Fact]
    public void Invalid_utf8_is_rejected()
    {
        var bytes = new RemoteWriteBuilder().Series([("__name__", "g"), ("v", "ok")], (1, 1)).ToBytes();
        var index = bytes.AsSpan().IndexOf("ok"u8);
        bytes[index] = 0xC3;
        bytes[index + 1] = 0x28;
        Assert.Throws<MalformedPayloadException>(() => _decoder.Decode(bytes));
    }
}
