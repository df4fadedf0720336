using System.Diagnostics.Metrics;
using System.Net;
using AirisEpm.LogService.Syslog;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.LogSyslog.Benchmarks;

/// <summary>
/// log-service in memory (its HTTP side unused) with the syslog listener on a free loopback port and a
/// fresh Lucene folder, counting the records the listener has had stored (durable: the ingestor returned).
/// </summary>
public sealed class SyslogHost : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-bench-syslog-" + Guid.NewGuid().ToString("N"));
    private readonly MeterListener _meters = new();
    private long _stored;

    public SyslogHost()
    {
        var factory = Services.GetRequiredService<IMeterFactory>();
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "airis.logs.syslog.records" && ReferenceEquals(instrument.Meter.Scope, factory)) listener.EnableMeasurementEvents(instrument);
        };
        _meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _stored, value));
        _meters.Start();
        EndPoint = (IPEndPoint)Services.GetRequiredService<SyslogListener>().LocalEndPoint!;
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>Records stored since the host started.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSolutionRelativeContentRoot("services/LogService", "AirisEpm.sln");
        builder.UseSetting("Logs:Store:DataPath", Path.Combine(_folder, "logs"));
        builder.UseSetting("Logs:Syslog:Enabled", "true");
        builder.UseSetting("Logs:Syslog:Port", "0");
        // A loaded build machine can take longer than the 10 s default to commit; a timed-out batch would be retried and counted twice.
        builder.UseSetting("Logs:Ingest:Writer:AckTimeout", "00:05:00");
        builder.UseSetting("DAPR_HTTP_PORT", "1");
        builder.UseSetting("DAPR_GRPC_PORT", "2");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        _meters.Dispose();
        await base.DisposeAsync();
        try
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Lucene may still be closing a file; the folder is in the temp directory.
        }
    }
}
