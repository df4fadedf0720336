using AirisEpm.LogService.Anomalies;
using AirisEpm.LogService.Domain;
using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.LogService.Tests.Anomalies;

public sealed class LogAnomalyDetectorTests
{
    private const long W = SyntheticLogStream.WindowNs;

    private static LogRecord Line(long window, string service, string pattern, Severity level = Severity.Info, int i = 0) =>
        new($"{pattern}-{window}-{i}", (window * W) + i + 1, level, $"{pattern} text", service, null, null,
            new Dictionary<string, string>(), new Dictionary<string, string>(), pattern);

    private static List<LogsAnomalyDetected> Run(LogAnomalyDetector detector, IEnumerable<List<LogRecord>> windows)
    {
        var found = new List<LogsAnomalyDetected>();
        var w = 0L;
        foreach (var records in windows)
        {
            found.AddRange(detector.CloseUntil(w * W));
            foreach (var record in records) detector.Observe(record);
            w++;
        }

        found.AddRange(detector.CloseUntil(w * W));
        return found;
    }

    private static List<LogRecord> Steady(long window, int count, string pattern = "p", string service = "api", Severity level = Severity.Info) =>
        Enumerable.Range(0, count).Select(i => Line(window, service, pattern, level, i)).ToList();

    [Fact]
    public void A_pattern_ten_times_its_baseline_is_a_spike_once_it_has_history()
    {
        var detector = new LogAnomalyDetector(new LogAnomalyOptions());
        var windows = Enumerable.Range(0, 15).Select(w => Steady(w, w == 14 ? 100 : 10)).ToList();

        var anomaly = Assert.Single(Run(detector, windows));

        Assert.Equal(LogsAnomalyDetected.PatternSpike, anomaly.Kind);
        Assert.Equal(100, anomaly.Count);
        Assert.Equal(10, anomaly.Baseline, 1);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMinutes(14), anomaly.WindowStart);
        Assert.Equal(3, anomaly.Samples.Count);
    }

    [Fact]
    public void Patterns_first_seen_during_the_warm_up_are_not_news_and_later_ones_are()
    {
        var detector = new LogAnomalyDetector(new LogAnomalyOptions());
        var windows = Enumerable.Range(0, 14).Select(w =>
        {
            var records = Steady(w, 10);
            if (w == 2) records.AddRange(Steady(w, 5, "early"));
            if (w == 12) records.AddRange(Steady(w, 5, "late"));
            return records;
        }).ToList();

        var anomaly = Assert.Single(Run(detector, windows));

        Assert.Equal(LogsAnomalyDetected.NewPattern, anomaly.Kind);
        Assert.Equal("late", anomaly.PatternId);
        Assert.Equal(0, anomaly.Baseline);
    }

    [Fact]
    public void An_error_share_far_above_usual_is_an_error_rate_spike_naming_the_top_error_pattern()
    {
        var options = new LogAnomalyOptions { SpikeFactor = 1000 };
        var detector = new LogAnomalyDetector(options);
        var windows = Enumerable.Range(0, 13).Select(w =>
        {
            var records = Steady(w, 100);
            records.AddRange(Steady(w, w == 12 ? 60 : 2, "db-timeout", level: Severity.Error));
            return records;
        }).ToList();

        var anomaly = Assert.Single(Run(detector, windows));

        Assert.Equal(LogsAnomalyDetected.ErrorRateSpike, anomaly.Kind);
        Assert.Equal("db-timeout", anomaly.PatternId);
        Assert.Equal(60, anomaly.Count);
        Assert.Equal(60.0 / 160, anomaly.ObservedRate!.Value, 3);
        Assert.Equal(2.0 / 102, anomaly.Baseline, 3);
    }

    [Fact]
    public void Tracking_is_bounded_and_forgets_the_least_recently_seen()
    {
        var detector = new LogAnomalyDetector(new LogAnomalyOptions { MaxTrackedPatterns = 100 });
        var windows = Enumerable.Range(0, 5).Select(w => Enumerable.Range(0, 80).Select(i => Line(w, "api", $"p{w}-{i}")).ToList());
        Run(detector, windows);
        Assert.Equal(100, detector.TrackedPatterns);
    }

    /// <summary>
    /// Precision and recall on seeded synthetic streams (five services, twenty patterns each at steady
    /// Poisson rates, 2 % errors) with injected spikes, new patterns and error bursts. A detection is
    /// right when an incident was injected in that service and window (an error burst may also show as
    /// its pattern's spike: the same incident).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Precision_and_recall_on_synthetic_streams_with_injected_anomalies(int seed)
    {
        var stream = new SyntheticLogStream(seed);
        var windows = stream.Windows(services: 5, patternsPerService: 20, windows: 120, firstIncidentWindow: 40);
        var found = Run(new LogAnomalyDetector(new LogAnomalyOptions()), windows);

        static long Window(LogsAnomalyDetected a) => a.WindowStart.ToUnixTimeMilliseconds() / 60_000;
        var truePositives = found.Count(a => stream.Incidents.Any(i => i.Service == a.Service && i.Window == Window(a)));
        var recalled = stream.Incidents.Count(i => found.Any(a => a.Kind == i.Kind && a.Service == i.Service && Window(a) == i.Window
                                                                  && (i.Pattern is null || a.PatternId == i.Pattern)));
        var precision = (double)truePositives / found.Count;
        var recall = (double)recalled / stream.Incidents.Count;
        TestContext.Current.SendDiagnosticMessage($"seed {seed}: {stream.Incidents.Count} injected, {found.Count} detected, precision {precision:F3}, recall {recall:F3}");

        Assert.True(precision >= 0.95, $"precision {precision:F3}");
        Assert.True(recall >= 0.95, $"recall {recall:F3}");
    }
}
