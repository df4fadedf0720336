using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using Serilog;
using Serilog.Sinks.OpenTelemetry;
using static AirisEpm.LogService.Tests.Functional.LogApiJson;

namespace AirisEpm.LogService.Tests.Functional;

/// <summary>The OpenTelemetry .NET SDK's OTLP log exporter and Serilog's OpenTelemetry sink, unchanged, as clients.</summary>
public sealed class RealClientTests : IAsyncLifetime
{
    private readonly LogServiceFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_opentelemetry_sdk_exports_logs_over_otlp_http_protobuf()
    {
        var marker = "otel" + Guid.NewGuid().ToString("N")[..10];
        var baseUrl = _factory.StartOnKestrel();
        using (var loggers = LoggerFactory.Create(builder => builder.AddOpenTelemetry(otel =>
        {
            otel.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService("orders"));
            otel.IncludeFormattedMessage = true;
            otel.AddOtlpExporter(exporter =>
            {
                exporter.Endpoint = new Uri(baseUrl, "/v1/logs");
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                exporter.Headers = "Authorization=Bearer " + TestTokens.With(Permissions.LogsWrite);
            });
        })))
        {
            var logger = loggers.CreateLogger("Shop.Orders");
            using (logger.BeginScope("checkout"))
            {
                logger.LogWarning("Order {OrderId} held for review {Marker}", "o-42", marker);
            }
        }

        using var reader = new HttpClient { BaseAddress = baseUrl }.WithToken(Permissions.LogsRead);
        var record = (await reader.SearchUntilAsync($"q={marker}", 1)).GetProperty("records")[0];
        Assert.Equal("orders", record.GetProperty("service").GetString());
        Assert.Equal("warn", record.GetProperty("level").GetString());
        Assert.Contains("o-42", record.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("o-42", record.GetProperty("fields").GetProperty("OrderId").GetString());
    }

    [Fact]
    public async Task Serilog_exports_logs_over_otlp_http_protobuf()
    {
        var marker = "serilog" + Guid.NewGuid().ToString("N")[..10];
        using (var logger = new LoggerConfiguration()
            .WriteTo.OpenTelemetry(options =>
            {
                options.Endpoint = new Uri(_factory.Server.BaseAddress, "/v1/logs").ToString();
                options.Protocol = OtlpProtocol.HttpProtobuf;
                options.Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + TestTokens.With(Permissions.LogsWrite) };
                options.HttpMessageHandler = _factory.Server.CreateHandler();
                options.ResourceAttributes = new Dictionary<string, object> { ["service.name"] = "billing" };
            })
            .CreateLogger())
        {
            logger.Error(new InvalidOperationException("card expired"), "Charge {ChargeId} failed {Marker}", "c-7", marker);
        }

        var record = (await _factory.Reader().SearchUntilAsync($"q={marker}", 1)).GetProperty("records")[0];
        Assert.Equal("billing", record.GetProperty("service").GetString());
        Assert.Equal("error", record.GetProperty("level").GetString());
        Assert.Equal("c-7", record.GetProperty("fields").GetProperty("ChargeId").GetString());
        Assert.Contains("card expired", record.GetProperty("stackTrace").GetString(), StringComparison.Ordinal);
    }
}
