using System.Globalization;
using AirisEpm.MetricsService.Protocols;
using AirisEpm.MetricsService.Protocols.Otlp;
using AirisEpm.MetricsService.Protocols.Otlp.Delta;
using AirisEpm.Protocols.Otlp.Proto;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using StaleMarker = AirisEpm.PromQl.Model.StaleMarker;

namespace AirisEpm.MetricsService.Tests.Protocols;

/// <summary>
/// CsCheck properties of the OTLP metrics converter over random requests (every kind and temporality, odd attributes, flags,
/// times, scales, offsets and bucket counts), one converter for the whole run so delta state carries over: it never throws,
/// every sample passes the series rules, and every histogram family it writes is cumulative up to +Inf = _count.
/// </summary>
public sealed class OtlpConverterPropertyTests
{
    private static readonly Gen<string> Key = Gen.OneOf(
        Gen.OneOf("service.name", "service.namespace", "service.instance.id", "host.name", "a.b", "a_b", "9x", "__x", "é", "", "job", "le"),
        Gen.String[0, 12]);

    private static readonly Gen<KeyValue> Attribute = Gen.Select(Key, Gen.OneOf(Gen.String[0, 8], Gen.OneOf("", "x")),
        (key, value) => new KeyValue { Key = key, Value = new AnyValue { StringValue = value } });

    private static readonly Gen<ulong> Time = Gen.OneOf(Gen.Const(0UL), Gen.ULong[1, 5].Select(t => 1_700_000_000_000_000_000UL + (t * 1_000_000_000)));

    private static readonly Gen<double> Value = Gen.OneOf(Gen.Double, Gen.Double[-1e6, 1e6], Gen.OneOf(double.NaN, double.PositiveInfinity, 0d));

    private static readonly Gen<AggregationTemporality> Temporality = Gen.OneOf(
        AggregationTemporality.Delta, AggregationTemporality.Cumulative, AggregationTemporality.Unspecified);

    private static readonly Gen<uint> Flags = Gen.OneOf(0u, 0u, 0u, 1u);

    private static readonly Gen<Metric> Number = Gen.Select(Gen.Bool, Temporality, Gen.Select(Time, Time, Value, Flags, Attribute.Array[0, 3]).Array[1, 3],
        (gauge, temporality, points) =>
        {
            var metric = new Metric { Name = "n" };
            var target = gauge ? (metric.Gauge = new Gauge()).DataPoints : (metric.Sum = new Sum { AggregationTemporality = temporality, IsMonotonic = true }).DataPoints;
            foreach (var (start, time, value, flags, attributes) in points)
            {
                var point = new NumberDataPoint { StartTimeUnixNano = start, TimeUnixNano = time, AsDouble = value, Flags = flags };
                point.Attributes.AddRange(attributes);
                target.Add(point);
            }

            return metric;
        });

    private static readonly Gen<Metric> Explicit = Gen.Select(Temporality, Gen.Select(Time, Time, Gen.Double[-10, 10].Array[0, 4], Gen.ULong[0, 50].Array[0, 5], Flags).Array[1, 3],
        (temporality, points) =>
        {
            var histogram = new Histogram { AggregationTemporality = temporality };
            foreach (var (start, time, bounds, counts, flags) in points)
            {
                var point = new HistogramDataPoint { StartTimeUnixNano = start, TimeUnixNano = time, Count = counts.Aggregate(0UL, (a, b) => a + b), Sum = 1, Flags = flags };
                point.ExplicitBounds.AddRange(bounds.Order());
                point.BucketCounts.AddRange(counts);
                histogram.DataPoints.Add(point);
            }

            return new Metric { Name = "h", Unit = "s", Histogram = histogram };
        });

    private static readonly Gen<ExponentialHistogramDataPoint.Types.Buckets> Side = Gen.Select(
        Gen.OneOf(Gen.Int[-300, 300], Gen.OneOf(int.MinValue, int.MaxValue - 2)), Gen.ULong[0, 20].Array[0, 12],
        (offset, counts) =>
        {
            var buckets = new ExponentialHistogramDataPoint.Types.Buckets { Offset = offset };
            buckets.BucketCounts.AddRange(counts);
            return buckets;
        });

    private static readonly Gen<Metric> Exponential = Gen.Select(Temporality, Gen.Select(Time, Time, Gen.Int[-12, 22], Side, Side, Gen.ULong[0, 5], Gen.Bool, Flags).Array[1, 3],
        (temporality, points) =>
        {
            var histogram = new ExponentialHistogram { AggregationTemporality = temporality };
            foreach (var (start, time, scale, positive, negative, zero, undercount, flags) in points)
            {
                var total = zero + positive.BucketCounts.Concat(negative.BucketCounts).Aggregate(0UL, (a, b) => a + b);
                histogram.DataPoints.Add(new ExponentialHistogramDataPoint
                {
                    StartTimeUnixNano = start, TimeUnixNano = time, Scale = scale, Positive = positive, Negative = negative,
                    ZeroCount = zero, Count = undercount && total > 0 ? total - 1 : total, Sum = 2, Flags = flags,
                });
            }

            return new Metric { Name = "e", Unit = "By", ExponentialHistogram = histogram };
        });

    private static readonly Gen<ExportMetricsServiceRequest> Request = Gen.Select(Attribute.Array[0, 5], Gen.OneOf(Number, Explicit, Exponential).Array[0, 4],
        (resource, metrics) =>
        {
            var scope = new ScopeMetrics();
            scope.Metrics.AddRange(metrics);
            var resourceMetrics = new ResourceMetrics { Resource = new Resource() };
            resourceMetrics.Resource.Attributes.AddRange(resource);
            resourceMetrics.ScopeMetrics.Add(scope);
            var request = new ExportMetricsServiceRequest();
            request.ResourceMetrics.Add(resourceMetrics);
            return request;
        });

    [Fact]
    public void Random_requests_convert_to_rule_abiding_samples_and_cumulative_histograms()
    {
        var options = new ProtocolOptions();
        var otlp = new OtlpOptions { PromoteResourceAttributes = ["host.name"] };
        var converter = new OtlpMetricConverter(
            Microsoft.Extensions.Options.Options.Create(options), Microsoft.Extensions.Options.Options.Create(otlp),
            new DeltaAccumulator(new FakeTimeProvider(), otlp.DeltaMaxStale, 1_000));

        Request.Sample(request =>
        {
            var conversion = converter.Convert(request);

            Assert.All(conversion.Samples, s => Assert.Null(SeriesRules.Check(s.Name, s.Labels.Labels, options)));
            var families = conversion.Samples
                .Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal) && !StaleMarker.IsStale(s.Value))
                .GroupBy(s => (s.Name, s.TimestampMs, Labels: s.Labels.With("le", "").ToString()));
            // Two points of one series at one time (the generator makes some) overwrite each other: only single ones are checked.
            foreach (var family in families.Where(f => f.Select(s => s.Labels["le"]).Distinct().Count() == f.Count()))
            {
                var buckets = family.OrderBy(s => Bound(s.Labels["le"]!)).Select(s => s.Value).ToArray();
                Assert.True(buckets.Zip(buckets.Skip(1)).All(p => p.First <= p.Second), $"{family.Key.Name} is not cumulative: {string.Join(",", buckets)}");
            }
        }, iter: 3000);
    }

    private static double Bound(string le) => le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);
}
