using AirisEpm.LogService.Domain;
using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.LogService.Tests.Anomalies;

/// <summary>
/// A seeded stream of records: services with patterns at steady Poisson rates and a small share of
/// error patterns, plus injected incidents at known windows (pattern spikes, new patterns, error bursts).
/// </summary>
internal sealed class SyntheticLogStream
{
    public const long WindowNs = 60_000_000_000;

    private readonly Random _random;

    public SyntheticLogStream(int seed) => _random = new Random(seed);

    public sealed record Incident(string Kind, string Service, long Window, string? Pattern);

    public List<Incident> Incidents { get; } = [];

    public List<List<LogRecord>> Windows(int services, int patternsPerService, int windows, int firstIncidentWindow)
    {
        var rates = new Dictionary<(string, string), double>();
        for (var s = 0; s < services; s++)
        {
            for (var p = 0; p < patternsPerService; p++)
            {
                rates[($"svc{s}", $"p{s}-{p}")] = 2 + (_random.NextDouble() * 48);
            }
        }

        var spikes = Pick(windows, firstIncidentWindow, 12).ToDictionary(w => w, _ => rates.Keys.ElementAt(_random.Next(rates.Count)));
        var newPatterns = Pick(windows, firstIncidentWindow, 6).Where(w => !spikes.ContainsKey(w)).ToDictionary(w => w, w => $"svc{_random.Next(services)}");
        var errorBursts = Pick(windows, firstIncidentWindow, 6).Where(w => !spikes.ContainsKey(w) && !newPatterns.ContainsKey(w))
            .ToDictionary(w => w, _ => $"svc{_random.Next(services)}");
        var result = new List<List<LogRecord>>(windows);
        for (var w = 0; w < windows; w++)
        {
            var records = new List<LogRecord>();
            foreach (var ((service, pattern), rate) in rates)
            {
                var count = Poisson(rate);
                if (spikes.TryGetValue(w, out var spiked) && spiked == (service, pattern))
                {
                    count = (count * 10) + 40;
                    Incidents.Add(new Incident(LogsAnomalyDetected.PatternSpike, service, w, pattern));
                }

                // Pattern 0 of each service is its error pattern, about 2 % of its lines.
                var level = pattern.EndsWith("-0", StringComparison.Ordinal) ? Severity.Error : Severity.Info;
                Add(records, w, service, pattern, level, level == Severity.Error ? Math.Max(0, count / 5) : count);
            }

            if (newPatterns.TryGetValue(w, out var newIn))
            {
                Add(records, w, newIn, $"new-{w}", Severity.Warn, 20);
                Incidents.Add(new Incident(LogsAnomalyDetected.NewPattern, newIn, w, $"new-{w}"));
            }

            if (errorBursts.TryGetValue(w, out var burstIn))
            {
                Add(records, w, burstIn, $"p{burstIn[3..]}-0", Severity.Error, 200);
                Incidents.Add(new Incident(LogsAnomalyDetected.ErrorRateSpike, burstIn, w, null));
            }

            result.Add(records);
        }

        return result;
    }

    private IEnumerable<int> Pick(int windows, int first, int count) =>
        Enumerable.Range(0, count).Select(_ => _random.Next(first, windows - 1)).Distinct();

    private static void Add(List<LogRecord> records, int window, string service, string pattern, Severity level, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var ns = (window * WindowNs) + (i * 1000) + 1;
            records.Add(new LogRecord($"{pattern}-{window}-{i}", ns, level, $"{pattern} line {i}", service, null, null,
                new Dictionary<string, string>(), new Dictionary<string, string>(), pattern));
        }
    }

    /// <summary>Knuth's method: fine for the rates used here (under 100).</summary>
    private int Poisson(double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= _random.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }
}
