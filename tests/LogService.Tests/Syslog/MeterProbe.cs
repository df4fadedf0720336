using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AirisEpm.LogService.Tests.Syslog;

/// <summary>Sums the long measurements one host's meter factory records under <paramref name="meterName"/>, by instrument.</summary>
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
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value));
        _listener.Start();
    }

    public long this[string instrument] => _totals.GetValueOrDefault(instrument);

    public void Dispose() => _listener.Dispose();
}
