namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>
/// daprd's app health check settings (<c>--enable-app-health-check</c> and friends), with the CLI's defaults: probe
/// every 5 s, 500 ms timeout, unhealthy after 3 failures. The double reports them in its metadata; it does not probe.
/// </summary>
public sealed record AppHealthCheck(string Path, TimeSpan ProbeInterval, TimeSpan ProbeTimeout, int Threshold)
{
    public static AppHealthCheck OnPath(string path) => new(path, TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500), 3);
}
