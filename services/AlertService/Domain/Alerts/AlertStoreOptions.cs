namespace AirisEpm.AlertService.Domain.Alerts;

/// <summary>Alert retention knobs, with Alertmanager's defaults.</summary>
public sealed record AlertStoreOptions
{
    /// <summary>
    /// 5m (Alertmanager <c>global.resolve_timeout</c>): an alert posted without endsAt is
    /// resolved this long after its last update. Prometheus re-sends every evaluation, so
    /// a firing alert never reaches it.
    /// </summary>
    public TimeSpan ResolveTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// 30m (Alertmanager's alert GC interval): resolved alerts are kept this long after their
    /// end so that the resolved notification can still be built and API clients see them.
    /// </summary>
    public TimeSpan ResolvedRetention { get; init; } = TimeSpan.FromMinutes(30);
}
