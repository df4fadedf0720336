namespace AirisEpm.AlertService.Domain.Routing;

/// <summary>Alertmanager's root-route defaults, inherited by every route that sets nothing.</summary>
public static class RouteDefaults
{
    /// <summary>30s: wait for more alerts of a new group so the first page carries them together.</summary>
    public static readonly TimeSpan GroupWait = TimeSpan.FromSeconds(30);

    /// <summary>5m: minimum gap between notifications about changes to a group.</summary>
    public static readonly TimeSpan GroupInterval = TimeSpan.FromMinutes(5);

    /// <summary>4h: re-send an unchanged firing group this often so it is not forgotten.</summary>
    public static readonly TimeSpan RepeatInterval = TimeSpan.FromHours(4);
}
