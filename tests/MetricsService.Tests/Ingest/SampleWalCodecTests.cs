using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Ingest.Wal;
using CsCheck;

namespace AirisEpm.MetricsService.Tests.Ingest;

/// <summary>The write-ahead log's payload: exact round trips, and anything else read as a named error, never a crash.</summary>
public sealed class SampleWalCodecTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char.AlphaNumeric, 1, 12];

    private static readonly Gen<MetricSample> Sample = Gen.Select(
        Text, Gen.Dictionary(Text, Text)[0, 4], Gen.Long, Gen.Long.Select(BitConverter.Int64BitsToDouble), Gen.Enum<MetricType>(),
        (name, labels, ts, value, type) => new MetricSample(name, LabelSet.From(labels), ts, value, type));

    [Fact]
    public void Samples_come_back_bit_for_bit_with_the_types_of_the_series_they_define()
    {
        Sample.List[0, 30].Sample(samples =>
        {
            var defined = samples.DistinctBy(s => s.SeriesId).ToList();
            using var payload = SampleWalCodec.Encode(samples, defined);
            var series = new Dictionary<long, SeriesDefinition>();
            var read = new List<MetricSample>();

            Assert.Equal(0, SampleWalCodec.Decode(payload.Span, series, read));

            Assert.Equal(samples.Count, read.Count);
            for (var i = 0; i < samples.Count; i++)
            {
                Assert.Equal((samples[i].SeriesId, samples[i].Name, samples[i].Labels, samples[i].TimestampMs), (read[i].SeriesId, read[i].Name, read[i].Labels, read[i].TimestampMs));
                Assert.Equal(BitConverter.DoubleToInt64Bits(samples[i].Value), BitConverter.DoubleToInt64Bits(read[i].Value));
                Assert.Equal(defined.First(d => d.SeriesId == samples[i].SeriesId).Type, read[i].Type);
            }
        }, iter: 1000);
    }

    [Fact]
    public void A_sample_of_a_series_defined_elsewhere_resolves_from_what_is_known_and_one_defined_nowhere_is_counted()
    {
        var known = new MetricSample("up", LabelSet.From([new Label("job", "api")]), 1, 1);
        var unknown = new MetricSample("down", LabelSet.Empty, 2, 2);
        using var payload = SampleWalCodec.Encode([known, unknown], []);
        var series = new Dictionary<long, SeriesDefinition> { [known.SeriesId] = new("up", known.Labels, MetricType.Counter) };
        var read = new List<MetricSample>();

        Assert.Equal(1, SampleWalCodec.Decode(payload.Span, series, read));

        var sample = Assert.Single(read);
        Assert.Equal((known.SeriesId, "up", MetricType.Counter), (sample.SeriesId, sample.Name, sample.Type));
    }

    [Fact]
    public void Random_and_mutated_payloads_decode_or_fail_with_InvalidDataException()
    {
        using var valid = SampleWalCodec.Encode([new MetricSample("up", LabelSet.From([new Label("job", "api")]), 5, 1)], [new MetricSample("up", LabelSet.From([new Label("job", "api")]), 5, 1)]);
        var seed = valid.Span.ToArray();
        var mutated = Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Byte, Gen.Int[0, seed.Length]).Select((at, b, cut) =>
        {
            var bytes = seed.ToArray();
            bytes[at] = b;
            return bytes[..cut];
        });
        Gen.OneOf(Gen.Byte.Array[0, 200], mutated).Sample(bytes =>
        {
            try
            {
                SampleWalCodec.Decode(bytes, [], []);
            }
            catch (InvalidDataException)
            {
                // the expected refusal
            }
        }, iter: 20_000);
    }
}
