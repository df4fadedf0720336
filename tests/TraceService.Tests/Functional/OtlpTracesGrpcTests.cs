using AirisEpm.Protocols.Otlp.Proto;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using AirisEpm.TraceService.Tests.Support;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using static AirisEpm.TraceService.Tests.Support.Http;
using static AirisEpm.TraceService.Tests.Support.OtlpRequests;

namespace AirisEpm.TraceService.Tests.Functional;

/// <summary>OTLP/gRPC <c>TraceService/Export</c> through the test server, with a plain gRPC client.</summary>
public sealed class OtlpTracesGrpcTests : IAsyncLifetime
{
    private static readonly Method<ExportTraceServiceRequest, ExportTraceServiceResponse> Export = new(
        MethodType.Unary, "opentelemetry.proto.collector.trace.v1.TraceService", "Export",
        Marshallers.Create(m => m.ToByteArray(), ExportTraceServiceRequest.Parser.ParseFrom),
        Marshallers.Create(m => m.ToByteArray(), ExportTraceServiceResponse.Parser.ParseFrom));

    private readonly TraceServiceFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Exported_spans_are_stored()
    {
        var answer = await CallAsync(Request("payments", ValidSpan("charge")), Permissions.TracesWrite);

        Assert.NotNull(answer);
        var span = Assert.Single(_factory.Store.Spans);
        Assert.Equal(("payments", "charge", TraceHex), (span.Service, span.Name, span.TraceId));
    }

    [Fact]
    public async Task A_bad_span_is_invalid_argument_naming_it()
    {
        var bad = ValidSpan();
        bad.TraceId = ByteString.CopyFrom(new byte[16]);
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync(Request(ValidSpan(), bad), Permissions.TracesWrite));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("resourceSpans[0].scopeSpans[0].spans[1].traceId", error.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(_factory.Store.Writes);
    }

    [Fact]
    public async Task A_failing_store_is_unavailable_with_retry_after()
    {
        await using var factory = (TraceServiceFactory)new TraceServiceFactory().With("Traces:Ingest:Writer:AckTimeout", "00:00:00.500").With("Traces:Ingest:Writer:ShutdownFlushTimeout", "00:00:01");
        factory.Store.Fail();
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync(factory, Request(ValidSpan()), Permissions.TracesWrite));
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.True(int.Parse(error.Trailers.GetValue("retry-after")!, System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    [Theory]
    [InlineData(null, StatusCode.Unauthenticated)]
    [InlineData(Permissions.TracesRead, StatusCode.PermissionDenied)]
    public async Task Exporting_needs_the_traces_write_permission(string? permission, StatusCode expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync(Request(ValidSpan()), permission));
        Assert.Equal(expected, error.StatusCode);
    }

    private Task<ExportTraceServiceResponse> CallAsync(ExportTraceServiceRequest request, string? permission) => CallAsync(_factory, request, permission);

    private static async Task<ExportTraceServiceResponse> CallAsync(TraceServiceFactory factory, ExportTraceServiceRequest request, string? permission)
    {
        using var channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
        var headers = new Metadata();
        if (permission is not null) headers.Add("Authorization", "Bearer " + TestTokens.With(permission));
        return await channel.CreateCallInvoker().AsyncUnaryCall(Export, null, new CallOptions(headers, cancellationToken: Ct), request);
    }
}
