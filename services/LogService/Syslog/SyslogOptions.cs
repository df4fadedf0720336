using System.ComponentModel.DataAnnotations;
using System.Net;

namespace AirisEpm.LogService.Syslog;

/// <summary>
/// The syslog-over-TCP listener (section <c>Logs:Syslog</c>): RFC 5424 and RFC 3164 messages in either
/// RFC 6587 framing. On by default on port 1514 of every address; appsettings.Development.json turns it
/// off so a laptop running the four services opens no extra port.
/// </summary>
public sealed class SyslogOptions : IValidatableObject
{
    public const string Section = "Logs:Syslog";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// 1514: syslog's own TCP ports (514, and 601 for RFC 3195) are privileged, so the service would need
    /// root or CAP_NET_BIND_SERVICE; 1514 is the unprivileged port rsyslog and Graylog users conventionally
    /// pick. 0 binds any free port (tests read it back from <see cref="SyslogListener.LocalEndPoint"/>).
    /// </summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 1514;

    /// <summary>
    /// <c>0.0.0.0</c> (every IPv4 address) in Production, where senders are other machines; Development uses
    /// <c>127.0.0.1</c>. <c>::</c> listens dual-stack where the host has IPv6.
    /// </summary>
    [Required]
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// 64 KiB per message. RFC 5424 §6.1 asks receivers to take at least 2,048 octets and rsyslog's own
    /// default is 8 KiB; 64 KiB is what a sender raises <c>$MaxMessageSize</c> to for stack traces. A larger
    /// frame closes its connection (logged and counted): buffering it would make memory unbounded.
    /// </summary>
    [Range(480, 16 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// 1,000 concurrent senders: a relay tier or every host of a large fleet. Each buffers at most
    /// <see cref="ReadBufferBytes"/>; connections past the limit are closed at once.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxConnections { get; set; } = 1000;

    /// <summary>
    /// A connection with no data for an hour is closed, to reclaim senders that vanished without a FIN.
    /// Long on purpose: rsyslog's omfwd notices a closed connection only by losing the message it was
    /// writing when the close arrived, so closing busy-but-quiet senders often would lose data.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A record is complete only when the next one starts (its stack trace may still follow), so a
    /// connection that goes quiet for 500 ms hands its last record on without waiting for the next.
    /// </summary>
    public TimeSpan RecordFlushDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Records handed to the ingestor per call. 5,000 amortises pattern mining and the write-ahead log's
    /// group commit while a batch stays a few MiB.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxBatchRecords { get; set; } = 5000;

    /// <summary>
    /// How long a batch that is not full waits for more records: 5 ms, the batching writer's own flush
    /// interval, so a trickle from many connections becomes one batch at a cost no one notices.
    /// </summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Parsed records waiting for the ingestor across all connections. When it is full connections stop
    /// reading their sockets, and TCP flow control makes the senders queue. 20,000 is four batches.
    /// </summary>
    [Range(1, 10_000_000)]
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>
    /// Unread bytes one connection may hold before the transport stops reading its socket: room for a
    /// whole frame of <see cref="MaxMessageBytes"/> behind a partly read one, and at least 256 KiB.
    /// </summary>
    public long ReadBufferBytes => Math.Max(256 * 1024, (2L * MaxMessageBytes) + (16 * 1024));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult($"'{BindAddress}' is not an IP address.", [nameof(BindAddress)]);
        }
        if (MaxBatchRecords > QueueCapacity)
        {
            yield return new ValidationResult($"MaxBatchRecords ({MaxBatchRecords}) must not exceed QueueCapacity ({QueueCapacity}).", [nameof(MaxBatchRecords)]);
        }
        var week = TimeSpan.FromDays(7);
        if (IdleTimeout <= TimeSpan.Zero || IdleTimeout > week || RecordFlushDelay <= TimeSpan.Zero || RecordFlushDelay > week
            || BatchWindow < TimeSpan.Zero || BatchWindow > TimeSpan.FromSeconds(10))
        {
            yield return new ValidationResult("IdleTimeout and RecordFlushDelay must be positive and at most 7 days, BatchWindow 0 to 10 seconds.",
                [nameof(IdleTimeout), nameof(RecordFlushDelay), nameof(BatchWindow)]);
        }
    }
}
