using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Tests.Analysis;

/// <summary>Seeded random traces: each span picks an earlier span as parent and mostly nests inside it, sometimes not.</summary>
internal static class RandomTraces
{
    public static List<Span> Generate(int seed, int count, string[]? services = null)
    {
        services ??= ["web", "api", "db"];
        var random = new Random(seed);
        var spans = new List<Span>(count) { TestSpans.Make("s0", null, 0, 1_000_000, service: services[0]) };
        for (var i = 1; i < count; i++)
        {
            var parent = spans[random.Next(spans.Count)];
            long start, end;
            if (random.Next(10) == 0)
            {
                // overflowing, early or outside: the cases the clipping rules exist for
                start = parent.StartNs + random.NextInt64(-parent.DurationNs / 2, parent.DurationNs + 10);
                end = start + random.NextInt64(0, parent.DurationNs + 10);
            }
            else
            {
                start = parent.StartNs + random.NextInt64(0, parent.DurationNs + 1);
                end = start + random.NextInt64(0, parent.EndNs - start + 1);
            }
            var kind = random.Next(20) == 0 ? SpanKind.Consumer : SpanKind.Internal;
            spans.Add(TestSpans.Make("s" + i, parent.SpanId, start, end, service: services[random.Next(services.Length)], kind: kind));
        }
        return spans;
    }
}
