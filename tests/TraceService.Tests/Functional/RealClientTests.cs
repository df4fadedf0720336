using System.Diagnostics;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Domain;
using AirisEpm.TraceService.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SpanKind = AirisEpm.TraceService.Domain.SpanKind;

namespace AirisEpm.TraceService.Tests.Functional;

/// <summary>
/// The OpenTelemetry .NET SDK's own exporters, unchanged, as clients: OTLP over HTTP/protobuf (real Kestrel),
/// OTLP over gRPC and Zipkin JSON (through the test server). Spans made with an ActivitySource arrive with
/// their ids, parent, service, kind, status, typed attributes and events.
/// </summary>
public sealed class RealClientTests : IAsyncLifetime
{
    private readonly TraceServiceFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public void The_sdks_otlp_exporter_over_http_protobuf()
    {
        var baseUrl = _factory.StartOnKestrel();
        var sent = Send("checkout-http", b => b.AddOtlpExporter(o =>
        {
            o.Endpoint = new Uri(baseUrl, "/v1/traces");
            o.Protocol = OtlpExportProtocol.HttpProtobuf;
            o.Headers = "Authorization=Bearer " + TestTokens.With(Permissions.TracesWrite);
            o.ExportProcessorType = ExportProcessorType.Simple;
        }));

        AssertArrived(sent, "checkout-http", typedInts: true);
    }

    [Fact]
    public void The_sdks_otlp_exporter_over_grpc()
    {
        var sent = Send("checkout-grpc", b => b.AddOtlpExporter(o =>
        {
            o.Endpoint = _factory.Server.BaseAddress;
            o.Protocol = OtlpExportProtocol.Grpc;
            o.Headers = "Authorization=Bearer " + TestTokens.With(Permissions.TracesWrite);
            o.HttpClientFactory = () => new HttpClient(new SyncOverAsyncHandler(_factory.Server.CreateHandler()));
            o.ExportProcessorType = ExportProcessorType.Simple;
        }));

        AssertArrived(sent, "checkout-grpc", typedInts: true);
    }

    /// <summary>Obsolete in the SDK (OpenTelemetry deprecates Zipkin export), yet still what Zipkin reporters send.</summary>
    [Fact]
    [Obsolete("Exercises the SDK's deprecated Zipkin exporter on purpose.")]
    public void The_sdks_zipkin_exporter()
    {
        var sent = Send("checkout-zipkin", b => b.AddZipkinExporter(o =>
        {
            o.Endpoint = new Uri(_factory.Server.BaseAddress, "/api/v2/spans");
            o.HttpClientFactory = () => new HttpClient(new SyncOverAsyncHandler(_factory.Server.CreateHandler())).WithToken(Permissions.TracesWrite);
            o.ExportProcessorType = ExportProcessorType.Simple;
        }));

        // Zipkin's tags are strings: the integer attribute arrives as its text.
        AssertArrived(sent, "checkout-zipkin", typedInts: false);
    }

    /// <summary>Records a server span with a failing client child, exporting each as it ends; returns both.</summary>
    private static (Activity Parent, Activity Child) Send(string service, Action<TracerProviderBuilder> exporter)
    {
        using var source = new ActivitySource("AirisEpm.Tests." + service);
        var builder = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service)).AddSource(source.Name);
        exporter(builder);
        using var provider = builder.Build();
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            using var parent = source.StartActivity("POST /checkout", ActivityKind.Server)!;
            parent.SetTag("http.request.method", "POST");
            parent.SetTag("http.response.status_code", 502);
            using var child = source.StartActivity("charge card", ActivityKind.Client)!;
            child.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection { ["attempt"] = 2 }));
            child.SetStatus(ActivityStatusCode.Error, "card declined");
            child.Stop();
            parent.Stop();
            return (parent, child);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    private void AssertArrived((Activity Parent, Activity Child) sent, string service, bool typedInts)
    {
        var spans = _factory.Store.Spans.Where(s => s.Service == service).ToList();
        Assert.Equal(2, spans.Count);
        var parent = spans.Single(s => s.Name == "POST /checkout");
        var child = spans.Single(s => s.Name == "charge card");
        Assert.Equal(sent.Parent.TraceId.ToHexString(), parent.TraceId);
        Assert.Equal(sent.Parent.SpanId.ToHexString(), parent.SpanId);
        Assert.Null(parent.ParentSpanId);
        Assert.Equal((parent.TraceId, parent.SpanId), (child.TraceId, child.ParentSpanId));
        Assert.Equal((SpanKind.Server, SpanKind.Client), (parent.Kind, child.Kind));
        Assert.Equal((SpanStatus.Error, "card declined"), (child.Status, child.StatusMessage));
        Assert.Equal(new AttributeValue(typedInts ? AttributeType.Int : AttributeType.String, "502"), parent.Attributes["http.response.status_code"]);
        Assert.Equal("POST", parent.Attributes["http.request.method"].Text);
        Assert.Equal("retry", Assert.Single(child.Events).Name);
        Assert.InRange(parent.DurationNs, child.DurationNs, long.MaxValue);
        Assert.InRange(Math.Abs(parent.StartNs / 1000 - new DateTimeOffset(sent.Parent.StartTimeUtc).ToUnixTimeMilliseconds() * 1000), 0, 1_000_000);
    }
}
