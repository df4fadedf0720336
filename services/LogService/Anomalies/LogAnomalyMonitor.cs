using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Patterns;
using AirisEpm.ServiceDefaults.Events;
using AirisEpm.ServiceDefaults.Events.Contracts;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Anomalies;

/// <summary>
/// Feeds stored records to the <see cref="LogAnomalyDetector"/> and publishes what it finds as
/// <c>logs.anomaly-detected</c>. A window is judged once it is one window old, so records that
/// arrive a little late still count. Each replica judges the records it stored: with several
/// replicas behind service invocation, each sees a share of the traffic and its own baselines.
/// A publication that fails is retried at the next tick, never dropped while the process lives.
/// </summary>
public sealed partial class LogAnomalyMonitor(
    IOptions<LogAnomalyOptions> options, PatternMiner miner, IEventBus bus, TimeProvider time, ILogger<LogAnomalyMonitor> logger)
    : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly LogAnomalyDetector _detector = new(options.Value);
    private readonly List<LogsAnomalyDetected> _pending = [];

    /// <summary>Counts records once they are durable; future-dated ones (clock skew) are left out.</summary>
    public void Observe(IReadOnlyList<LogRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (!options.Value.Enabled) return;
        var latestNs = NowNs() + (options.Value.Window.Ticks * 100);
        lock (_gate)
        {
            foreach (var record in records)
            {
                if (record.TimestampNs > latestNs) continue;
                _pending.AddRange(_detector.CloseUntil(_detector.WindowStartNs(record.TimestampNs), TemplateOf()));
                _detector.Observe(record);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TickAsync(stoppingToken);
        }
    }

    /// <summary>Judges the windows that are one window old and publishes every pending anomaly.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        List<LogsAnomalyDetected> due;
        lock (_gate)
        {
            _pending.AddRange(_detector.CloseUntil(NowNs() - (options.Value.Window.Ticks * 100), TemplateOf()));
            due = [.. _pending];
            _pending.Clear();
        }

        for (var i = 0; i < due.Count; i++)
        {
            try
            {
                await bus.PublishAsync(due[i], cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPublishFailed(logger, ex, due.Count - i);
                lock (_gate)
                {
                    _pending.InsertRange(0, due.Skip(i));
                }

                return;
            }
        }
    }

    private long NowNs() => time.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000;

    private Func<string, string> TemplateOf()
    {
        Dictionary<string, string>? templates = null;
        return id =>
        {
            templates ??= miner.Patterns.ToDictionary(p => p.Id, p => p.Template, StringComparer.Ordinal);
            return templates.TryGetValue(miner.Resolve(id), out var template) ? template : id;
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing log anomalies failed; {Count} wait for the next tick")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count);
}
