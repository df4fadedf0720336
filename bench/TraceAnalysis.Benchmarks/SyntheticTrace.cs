using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceAnalysis.Benchmarks;

/// <summary>A seeded trace of n spans: each span a child of a random earlier one, mostly nested in it, across five services.</summary>
internal static class SyntheticTrace
{
    private static readonly Dictionary<string, AttributeValue> None = [];

    public static List<Span> Generate(int count, int seed = 42)
    {
        string[] services = ["web", "api", "orders", "billing", "db"];
        var random = new Random(seed);
        var spans = new List<Span>(count) { Make("0", null, "web", 0, 10_000_000_000) };
        for (var i = 1; i < count; i++)
        {
            var parent = spans[random.Next(spans.Count)];
            var start = parent.StartNs + random.NextInt64(0, parent.DurationNs + 1);
            var end = start + random.NextInt64(0, parent.EndNs - start + 1);
            if (random.Next(20) == 0)
                end += random.NextInt64(0, parent.DurationNs / 4 + 1);
            spans.Add(Make(i.ToString("x16", System.Globalization.CultureInfo.InvariantCulture), parent.SpanId, services[random.Next(services.Length)], start, end));
        }
        return spans;
    }

    private static Span Make(string id, string? parent, string service, long start, long end) =>
        new("4bf92f3577b34da6a3ce929d0e0e4736", id, parent, service, "op-" + service, SpanKind.Internal, start, end - start,
            SpanStatus.Unset, null, None, None, [], []);
}
