using System.Globalization;
using AirisEpm.ServiceDefaults.Dapr;
using Dapr;
using Dapr.Client;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Patterns.Shared;

/// <summary>
/// Shares this replica's pattern counts through the Dapr state store and reads every replica's back. Each
/// <see cref="SharedPatternOptions.ShareInterval"/> the tally's new counts are added to this replica's hour keys
/// (<c>patterns-{replica}-{hourMs}</c>, written by this replica only, so a read-add-save needs no ETag), and the
/// replica is listed under <c>patterns-replicas</c> (saved under its ETag, since every replica writes it). The keys
/// expire after <see cref="SharedPatternOptions.Retention"/>; the sidecar prefixes them with the app id, so every
/// replica of log-service sees the same ones.
/// </summary>
public sealed partial class DaprPatternShare(
    DaprClient dapr, PatternTally tally, IOptions<SharedPatternOptions> options, TimeProvider time, ILogger<DaprPatternShare> logger) : BackgroundService
{
    private const string ReplicasKey = "patterns-replicas";
    private const long MsPerHour = 3_600_000;
    private readonly SharedPatternOptions _options = options.Value;
    private readonly Lock _unshared = new();
    private List<PatternHour> _retry = [];

    private IReadOnlyDictionary<string, string> Ttl => new Dictionary<string, string>
    {
        ["ttlInSeconds"] = ((long)_options.Retention.TotalSeconds).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Adds the counts mined since the last share to the state store; what fails is kept for the next one.</summary>
    public async Task ShareAsync(CancellationToken cancellationToken)
    {
        List<PatternHour> hours;
        lock (_unshared)
        {
            (hours, _retry) = ([.. _retry, .. tally.TakeHours()], []);
        }

        var failed = new List<PatternHour>();
        var next = 0;
        try
        {
            for (; next < hours.Count; next++)
            {
                var delta = hours[next];
                try
                {
                    var key = HourKey(tally.Replica, delta.HourMs);
                    var stored = await dapr.GetStateAsync<PatternHour?>(DaprComponents.StateStore, key, cancellationToken: cancellationToken);
                    await dapr.SaveStateAsync(DaprComponents.StateStore, key, PatternCounts.Merge(stored, delta), metadata: Ttl, cancellationToken: cancellationToken);
                }
                catch (Exception e) when (e is DaprException or HttpRequestException)
                {
                    failed.Add(delta);
                    LogShareFailed(logger, e);
                }
            }
        }
        finally
        {
            lock (_unshared)
            {
                _retry.AddRange(failed.Concat(hours.Skip(next))); // kept for the next share (or read) rather than lost
            }
        }

        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        await dapr.UpdateUnderETagAsync<Dictionary<string, long>>(DaprComponents.StateStore, ReplicasKey, current =>
        {
            var replicas = new Dictionary<string, long>(current ?? [], StringComparer.Ordinal) { [tally.Replica] = nowMs };
            foreach (var gone in replicas.Where(r => nowMs - r.Value > _options.Retention.TotalMilliseconds).Select(r => r.Key).ToList())
            {
                replicas.Remove(gone);
            }

            return replicas;
        }, cancellationToken, metadata: Ttl);
    }

    /// <summary>Every replica's hours overlapping [start, end), this replica's unshared counts included.</summary>
    public async Task<IReadOnlyList<PatternHour>> ReadAsync(long startNs, long endNs, CancellationToken cancellationToken)
    {
        var replicas = await dapr.GetStateAsync<Dictionary<string, long>?>(DaprComponents.StateStore, ReplicasKey, cancellationToken: cancellationToken) ?? [];
        var firstHour = Math.Max(0, startNs / 1_000_000) / MsPerHour * MsPerHour;
        var keys = new List<string>();
        foreach (var replica in replicas.Keys.Append(tally.Replica).Distinct(StringComparer.Ordinal))
        {
            for (var hour = firstHour; hour * 1_000_000 < endNs && keys.Count < 100_000; hour += MsPerHour)
            {
                keys.Add(HourKey(replica, hour));
            }
        }

        var found = await dapr.GetBulkStateAsync<PatternHour>(DaprComponents.StateStore, keys, parallelism: 8, cancellationToken: cancellationToken);
        List<PatternHour> pending;
        lock (_unshared)
        {
            pending = [.. _retry];
        }

        return [.. found.Where(f => f.Value is not null).Select(f => f.Value), .. pending, .. tally.PeekHours()];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.ShareInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await ShareAsync(stoppingToken);
                }
                catch (Exception e) when (e is DaprException or HttpRequestException or InvalidOperationException)
                {
                    LogShareFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await ShareAsync(cancellationToken); // the last counts, so they are not lost with the process
        }
        catch (Exception e) when (e is DaprException or HttpRequestException or InvalidOperationException or OperationCanceledException)
        {
            LogShareFailed(logger, e);
        }
    }

    private static string HourKey(string replica, long hourMs) => $"patterns-{replica}-{hourMs}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sharing pattern counts through the state store failed; they are kept for the next try")]
    private static partial void LogShareFailed(ILogger logger, Exception exception);
}
