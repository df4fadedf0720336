using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using static AirisEpm.LogService.Tests.Functional.LogApiJson;

namespace AirisEpm.LogService.Tests.Functional;

/// <summary>
/// log-service as a real process with <c>Otlp__GrpcPort</c> set: the OpenTelemetry SDK's gRPC exporter (cleartext
/// HTTP/2, as SDKs send to port 4317) reaches the gRPC port, while the app port still answers HTTP/1.1.
/// </summary>
public sealed class OtlpGrpcPortTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "airis-grpc-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataPath)) Directory.Delete(_dataPath, recursive: true);
    }

    [Fact]
    public async Task The_sdk_exports_logs_over_otlp_grpc_to_the_grpc_port_and_the_app_port_stays_http1()
    {
        var ct = TestContext.Current.CancellationToken;
        var grpcPort = ServiceProcess.FreePort();
        using var service = await ServiceProcess.StartAsync("LogService", new Dictionary<string, string>
        {
            ["Logs__Store__DataPath"] = _dataPath,
            ["Otlp__GrpcPort"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, ct);
        var marker = "grpc" + Guid.NewGuid().ToString("N")[..10];

        using (var loggers = LoggerFactory.Create(builder => builder.AddOpenTelemetry(otel =>
        {
            otel.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService("payments"));
            otel.IncludeFormattedMessage = true;
            otel.AddOtlpExporter(exporter =>
            {
                exporter.Endpoint = new Uri($"http://127.0.0.1:{grpcPort}");
                exporter.Protocol = OtlpExportProtocol.Grpc;
                exporter.Headers = "Authorization=Bearer " + TestTokens.With(Permissions.LogsWrite);
            });
        })))
        {
            loggers.CreateLogger("Payments").LogError("Refund {RefundId} rejected {Marker}", "r-9", marker);
        }

        using var reader = new HttpClient { BaseAddress = service.BaseUrl, DefaultRequestVersion = new Version(1, 1) }.WithToken(Permissions.LogsRead);
        var record = (await reader.SearchUntilAsync($"q={marker}", 1)).GetProperty("records")[0];
        Assert.Equal("payments", record.GetProperty("service").GetString());
        Assert.Equal("error", record.GetProperty("level").GetString());
        Assert.Equal("r-9", record.GetProperty("fields").GetProperty("RefundId").GetString());
    }
}
