using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AirisEpm.TraceService.Tests.Functional;

/// <summary>
/// trace-service as a real process: daprd's Zipkin exporter sends no bearer token, and on a laptop the apps export
/// their own spans without one, so in Development a loopback caller may post spans over Zipkin and OTLP/HTTP (and
/// read nothing without a token); the OTel SDK's gRPC exporter reaches the HTTP/2-only OTLP port. Outside Development only a caller with the sidecar's dapr-api-token passes.
/// </summary>
public sealed class SidecarAndGrpcPortTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "airis-traces-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task In_development_a_loopback_caller_posts_spans_without_a_token_and_the_sdk_exports_over_the_grpc_port()
    {
        var grpcPort = ServiceProcess.FreePort();
        using var service = await ServiceProcess.StartAsync("TraceService", new Dictionary<string, string>
        {
            ["Traces__Store__DataDirectory"] = _data,
            ["Otlp__GrpcPort"] = grpcPort.ToString(CultureInfo.InvariantCulture),
        }, Ct);
        using var anonymous = new HttpClient { BaseAddress = service.BaseUrl };

        using var zipkin = await anonymous.PostAsync("/api/v2/spans", new StringContent(ZipkinSpan("5af7183fb1d4cf5f", "daprd"), Encoding.UTF8, "application/json"), Ct);
        using var otlp = await anonymous.PostAsync("/v1/traces", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
        var traceId = ExportOverGrpc(grpcPort);

        Assert.Equal(HttpStatusCode.Accepted, zipkin.StatusCode);
        using var search = await anonymous.GetAsync("/api/v1/traces", Ct);
        Assert.Equal(HttpStatusCode.OK, otlp.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, search.StatusCode);
        using var reader = new HttpClient { BaseAddress = service.BaseUrl }.WithToken(Permissions.TracesRead);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/traces/00000000000000005af7183fb1d4cf5f", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/traces/" + traceId, Ct)).StatusCode);
    }

    [Fact]
    public async Task Outside_development_spans_without_a_bearer_token_need_the_sidecars_token()
    {
        await using var factory = new ServiceFactory<Program>().AsProduction();
        var body = ZipkinSpan("6af7183fb1d4cf5f", "daprd");

        using var sidecar = await factory.CreateSidecarClient().PostAsync("/api/v2/spans", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        using var anonymous = await factory.CreateClient().PostAsync("/api/v2/spans", new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        var wrong = factory.CreateClient();
        wrong.DefaultRequestHeaders.Add("dapr-api-token", "not-the-token");
        using var forged = await wrong.PostAsync("/api/v2/spans", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Accepted, sidecar.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    private static string ZipkinSpan(string traceId, string service)
    {
        var micros = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000;
        return $$$"""[{"traceId":"{{{traceId}}}","id":"1a2b3c4d5e6f7081","name":"calllocal/orders/checkout","kind":"SERVER","timestamp":{{{micros}}},"duration":1500,"localEndpoint":{"serviceName":"{{{service}}}"}}]""";
    }

    private static string ExportOverGrpc(int port)
    {
        using var source = new ActivitySource("AirisEpm.Tests.GrpcPort");
        string traceId;
        using (var provider = Sdk.CreateTracerProviderBuilder()
                   .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("grpc-port"))
                   .AddSource(source.Name)
                   .AddOtlpExporter(o =>
                   {
                       o.Endpoint = new Uri($"http://127.0.0.1:{port}");
                       o.Protocol = OtlpExportProtocol.Grpc;
                       o.Headers = "Authorization=Bearer " + TestTokens.With(Permissions.TracesWrite);
                       o.ExportProcessorType = ExportProcessorType.Simple;
                   })
                   .Build())
        {
            var previous = Activity.Current;
            Activity.Current = null;
            using (var activity = source.StartActivity("GET /orders", ActivityKind.Server))
            {
                traceId = activity!.TraceId.ToHexString();
            }

            Activity.Current = previous;
            provider.ForceFlush();
        }

        return traceId;
    }
}
