using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.TestSupport;

namespace AirisEpm.EndToEnd.Tests.Durability;

/// <summary>
/// alert-service as a real process beside a test sidecar of the test's mesh, so a test can kill -9 it: its state
/// lives in the mesh's state store, in the test process, and survives the kill. A restart listens on the same port,
/// so the sidecar's app channel, actor placement and reminders reach the new process as daprd's would after the
/// app restarted.
/// </summary>
internal static class AlertServiceProcess
{
    public static Task<ServiceProcess> StartAsync(TestSidecar sidecar, int port, CancellationToken ct)
    {
        var environment = new Dictionary<string, string>
        {
            ["Alerting__EnginePingInterval"] = "00:00:00.200",
            ["Alerting__TickInterval"] = "00:00:00.100",
        };
        foreach (var (name, value) in sidecar.AppSettings)
        {
            if (value is not null) environment[name] = value;
        }

        return ServiceProcess.StartAsync("AlertService", environment, ct, port);
    }
}
