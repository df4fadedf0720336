using System.Diagnostics.Metrics;

namespace AirisEpm.LogService.Syslog;

/// <summary>The listener's instruments, on the <c>AirisEpm.Logs.Syslog</c> meter (exported at /metrics with the rest).</summary>
public sealed class SyslogMetrics
{
    public const string MeterName = "AirisEpm.Logs.Syslog";

    private readonly Counter<long> _messages;
    private readonly Counter<long> _records;
    private readonly Counter<long> _oversized;
    private readonly Counter<long> _truncated;
    private readonly Counter<long> _connections;
    private readonly Counter<long> _rejected;
    private readonly UpDownCounter<long> _open;
    private readonly Counter<long> _pushedBack;

    public SyslogMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _messages = meter.CreateCounter<long>("airis.logs.syslog.messages", "{message}", "Syslog messages received, by framing");
        _records = meter.CreateCounter<long>("airis.logs.syslog.records", "{record}", "Records the listener's messages made and the ingestor stored");
        _oversized = meter.CreateCounter<long>("airis.logs.syslog.oversized_frames", "{frame}", "Frames over Logs:Syslog:MaxMessageBytes; each closed its connection");
        _truncated = meter.CreateCounter<long>("airis.logs.syslog.truncated_frames", "{frame}", "Octet-counted frames cut short by the end of their connection (kept as they arrived)");
        _connections = meter.CreateCounter<long>("airis.logs.syslog.connections", "{connection}", "Connections accepted");
        _rejected = meter.CreateCounter<long>("airis.logs.syslog.connections.rejected", "{connection}", "Connections closed at once because Logs:Syslog:MaxConnections were open");
        _open = meter.CreateUpDownCounter<long>("airis.logs.syslog.connections.active", "{connection}", "Connections open now");
        _pushedBack = meter.CreateCounter<long>("airis.logs.syslog.ingest_retries", "{batch}", "Batches the ingestor pushed back (or failed) and the listener retried");
    }

    public void Received(int octetCounted, int nonTransparent)
    {
        if (octetCounted > 0) _messages.Add(octetCounted, new KeyValuePair<string, object?>("framing", "octet-counting"));
        if (nonTransparent > 0) _messages.Add(nonTransparent, new KeyValuePair<string, object?>("framing", "non-transparent"));
    }

    public void Stored(int records) => _records.Add(records);

    public void Oversized() => _oversized.Add(1);

    public void Truncated() => _truncated.Add(1);

    public void Opened()
    {
        _connections.Add(1);
        _open.Add(1);
    }

    public void Closed() => _open.Add(-1);

    public void Rejected() => _rejected.Add(1);

    public void Retried() => _pushedBack.Add(1);
}
