using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AirisEpm.LogService.Tests.Syslog;

/// <summary>
/// Sums the long measurements one host's meter factory records under <paramref name="meterName"/>, by
/// instrument (<c>probe["name"]</c>) and by instrument and tag values (<c>probe["name|value"]</c>).
/// </summary>
internal sealed class MeterProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public MeterProbe(IMeterFactory factory, string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, factory)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            if (tags.Length == 0) return;
            var values = new List<string>();
            foreach (var tag in tags) values.Add(tag.Value?.ToString() ?? "");
            _totals.AddOrUpdate(instrument.Name + "|" + string.Join('|', values), value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public long this[string instrument] => _totals.GetValueOrDefault(instrument);

    public void Dispose() => _listener.Dispose();
}
