using AirisEpm.LogService.Domain;
using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.LogService.Anomalies;

/// <summary>
/// Finds, per fixed window of <see cref="LogAnomalyOptions.Window"/> (aligned to the epoch, so every
/// replica cuts the same windows), three kinds of anomaly in a stream of records:
/// <list type="bullet">
/// <item>a new pattern: first seen after the service's warm-up, at least <c>MinNewPatternCount</c> times;</item>
/// <item>a pattern spike: a count at least <c>SpikeFactor</c> × its baseline and <c>MinSpikeCount</c>, once it has warm-up history;</item>
/// <item>an error-rate spike: the service's share of error and fatal lines up by <c>ErrorRateIncrease</c> and <c>ErrorRateFactor</c>×.</item>
/// </list>
/// Deterministic: the same records with the same <see cref="CloseUntil"/> calls give the same anomalies.
/// Cost: O(1) per record; O(series) per closed window. Memory: bounded by <c>MaxTrackedPatterns</c>
/// series of <c>BaselineWindows</c> longs each. Not thread-safe: the caller serialises (one lock).
/// </summary>
public sealed class LogAnomalyDetector(LogAnomalyOptions options)
{
    private readonly Dictionary<(string Service, string Pattern), PatternHistory> _patterns = [];
    private readonly Dictionary<string, ServiceHistory> _services = new(StringComparer.Ordinal);
    private long _openWindow = -1;

    public int TrackedPatterns => _patterns.Count;

    /// <summary>Counts one record in its window; records older than the open window are ignored (already judged).</summary>
    public void Observe(LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var window = WindowOf(record.TimestampNs);
        if (_openWindow < 0) _openWindow = window;
        if (window < _openWindow || record.PatternId is null) return;
        if (window > _openWindow) throw new InvalidOperationException("Close the open window before observing records of a later one (CloseUntil).");
        if (!_services.TryGetValue(record.Service, out var service))
        {
            _services[record.Service] = service = new ServiceHistory(window, options.BaselineWindows);
        }

        service.Total++;
        var error = record.Level >= Severity.Error;
        if (error) service.Errors++;
        var key = (record.Service, record.PatternId);
        if (!_patterns.TryGetValue(key, out var pattern))
        {
            if (_patterns.Count >= options.MaxTrackedPatterns) ForgetOldest();
            _patterns[key] = pattern = new PatternHistory(options.BaselineWindows);
            pattern.IsNew = window - service.FirstWindow >= options.WarmUpWindows;
        }

        pattern.Open++;
        pattern.LastWindowIndex = window;
        if (pattern.Samples.Count < options.Samples) pattern.Samples.Add(record.Message);
        if (error) service.ErrorCounts[record.PatternId] = service.ErrorCounts.GetValueOrDefault(record.PatternId) + 1;
    }

    /// <summary>The window a timestamp falls in; records of later windows need <see cref="CloseUntil"/> first.</summary>
    public long WindowOf(long timestampNs) => timestampNs / WindowNs;

    /// <summary>When the window holding <paramref name="timestampNs"/> starts: closing until then makes it the open one.</summary>
    public long WindowStartNs(long timestampNs) => WindowOf(timestampNs) * WindowNs;

    /// <summary>Closes every window that ends at or before <paramref name="nowNs"/> and returns what was anomalous in them.</summary>
    public List<LogsAnomalyDetected> CloseUntil(long nowNs, Func<string, string>? templateOf = null)
    {
        var anomalies = new List<LogsAnomalyDetected>();
        while (_openWindow >= 0 && (_openWindow + 1) * WindowNs <= nowNs)
        {
            Judge(_openWindow, anomalies, templateOf ?? (id => id));
            _openWindow++;
        }

        return anomalies;
    }

    private long WindowNs => options.Window.Ticks * 100;

    private void Judge(long window, List<LogsAnomalyDetected> anomalies, Func<string, string> templateOf)
    {
        var start = DateTimeOffset.UnixEpoch.AddTicks(window * WindowNs / 100);
        var end = start + options.Window;
        foreach (var ((serviceName, patternId), pattern) in _patterns)
        {
            if (pattern.Open > 0)
            {
                var kind = Classify(pattern);
                if (kind is not null)
                {
                    anomalies.Add(new LogsAnomalyDetected(serviceName, patternId, templateOf(patternId), pattern.Open,
                        kind == LogsAnomalyDetected.NewPattern ? 0 : pattern.Baseline, start, end) { Kind = kind, Samples = [.. pattern.Samples] });
                }
            }

            pattern.IsNew = false;
            pattern.Close();
        }

        foreach (var (serviceName, service) in _services)
        {
            if (ErrorRateAnomaly(serviceName, service, start, end, templateOf) is { } anomaly) anomalies.Add(anomaly);
            service.Close();
        }
    }

    private string? Classify(PatternHistory pattern)
    {
        if (pattern.IsNew) return pattern.Open >= options.MinNewPatternCount ? LogsAnomalyDetected.NewPattern : null;
        if (pattern.Windows < options.WarmUpWindows) return null;
        return pattern.Open >= options.MinSpikeCount && pattern.Open >= options.SpikeFactor * pattern.Baseline ? LogsAnomalyDetected.PatternSpike : null;
    }

    private LogsAnomalyDetected? ErrorRateAnomaly(string serviceName, ServiceHistory service, DateTimeOffset start, DateTimeOffset end, Func<string, string> templateOf)
    {
        if (service.Total == 0 || service.Windows < options.WarmUpWindows || service.Errors < options.MinErrorCount) return null;
        var rate = (double)service.Errors / service.Total;
        var usual = service.BaselineRate;
        if (rate < usual + options.ErrorRateIncrease || rate < options.ErrorRateFactor * usual) return null;
        var top = service.ErrorCounts.MaxBy(e => e.Value).Key;
        var samples = _patterns.TryGetValue((serviceName, top), out var pattern) ? pattern.Samples.ToList() : [];
        return new LogsAnomalyDetected(serviceName, top, templateOf(top), service.Errors, usual, start, end)
        {
            Kind = LogsAnomalyDetected.ErrorRateSpike,
            ObservedRate = rate,
            Samples = samples,
        };
    }

    private void ForgetOldest()
    {
        var oldest = _patterns.MinBy(p => p.Value.LastWindowIndex).Key;
        _patterns.Remove(oldest);
    }
}
