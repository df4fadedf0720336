using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.AlertService.Rules.Prometheus;
using AirisEpm.PromQl.Model;
using Google.Protobuf;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

/// <summary>The WriteRequest rule output is sent as, read back with the protobuf runtime: sorted labels, exact value bits, the gauge metadata.</summary>
public sealed class RemoteWriteRequestTests
{
    [Fact]
    public void Samples_go_as_sorted_labels_their_exact_bits_and_one_gauge_family_each()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_123);
        var body = RemoteWriteRequest.Encode(
        [
            new PromSample(new Dictionary<string, string> { ["zone"] = "z", ["__name__"] = "hot", ["instance"] = "a" }, StaleMarker.Value),
            new PromSample(new Dictionary<string, string> { ["__name__"] = "hot", ["instance"] = "b" }, 1.5),
        ], at);

        var series = new List<(List<(string, string)> Labels, ulong Bits, long Ms)>();
        var families = new List<(int Type, string Name)>();
        var input = new CodedInputStream(Snappier.Snappy.DecompressToArray(body));
        while (input.ReadTag() is var tag && tag != 0)
        {
            var message = new CodedInputStream(input.ReadBytes().ToByteArray());
            if (WireFormat.GetTagFieldNumber(tag) == 1) series.Add(Series(message));
            else families.Add(Family(message));
        }

        Assert.Equal([("__name__", "hot"), ("instance", "a"), ("zone", "z")], series[0].Labels);
        Assert.Equal((StaleMarker.Bits, 1_800_000_000_123L), (series[0].Bits, series[0].Ms));
        Assert.Equal(BitConverter.DoubleToUInt64Bits(1.5), series[1].Bits);
        Assert.Equal([(2, "hot")], families);
    }

    private static (List<(string, string)>, ulong, long) Series(CodedInputStream input)
    {
        var labels = new List<(string, string)>();
        (ulong Bits, long Ms) sample = default;
        while (input.ReadTag() is var tag && tag != 0)
        {
            var inner = new CodedInputStream(input.ReadBytes().ToByteArray());
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                inner.ReadTag();
                var name = inner.ReadString();
                inner.ReadTag();
                labels.Add((name, inner.ReadString()));
            }
            else
            {
                inner.ReadTag();
                var bits = BitConverter.DoubleToUInt64Bits(inner.ReadDouble());
                inner.ReadTag();
                sample = (bits, inner.ReadInt64());
            }
        }

        return (labels, sample.Bits, sample.Ms);
    }

    private static (int, string) Family(CodedInputStream input)
    {
        input.ReadTag();
        var type = input.ReadEnum();
        input.ReadTag();
        return (type, input.ReadString());
    }
}
