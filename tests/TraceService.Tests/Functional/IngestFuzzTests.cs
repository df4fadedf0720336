using System.Net;
using System.Text;
using AirisEpm.TraceService.Tests.Ingest;
using AirisEpm.TraceService.Tests.Support;
using CsCheck;
using Google.Protobuf;
using static AirisEpm.TraceService.Tests.Support.Http;
using static AirisEpm.TraceService.Tests.Support.OtlpRequests;

namespace AirisEpm.TraceService.Tests.Functional;

/// <summary>
/// Random and mutated bodies through every HTTP ingest endpoint: each is answered 2xx or a 4xx problem,
/// never a 5xx, and within a bound (no hang).
/// </summary>
public sealed class IngestFuzzTests : IAsyncLifetime
{
    private readonly TraceServiceFactory _factory = new();
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _client = _factory.Writer();
        _client.Timeout = TimeSpan.FromSeconds(15);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public Task Otlp_protobuf_bodies() =>
        FuzzAsync("/v1/traces", "application/x-protobuf", Request(ValidSpan(), ValidSpan("b")).ToByteArray());

    [Fact]
    public Task Otlp_json_bodies() =>
        FuzzAsync("/v1/traces", "application/json", Encoding.UTF8.GetBytes(OtlpJson.From(Request(ValidSpan(), ValidSpan("b")))));

    [Fact]
    public Task Zipkin_bodies() => FuzzAsync("/api/v2/spans", "application/json", ZipkinSpanReaderTests.DaprdBatch);

    /// <summary>Truncated and mutated proto3 bodies: each is stored (202, a cut between spans or a harmless edit) or refused 400 with a problem.</summary>
    [Fact]
    public Task Zipkin_proto3_bodies()
    {
        var valid = ZipkinProtoFixtures.DaprdBatch;
        return Gen.OneOf(ParserPropertyTests.Truncated(valid), ParserPropertyTests.Mutated(valid)).SampleAsync(async bytes =>
        {
            using var response = await _client.PostAsync("/api/v2/spans", Body(bytes, "application/x-protobuf"), Ct);
            var status = (int)response.StatusCode;
            Assert.True(status is 202 or 400, $"{status} for {Convert.ToBase64String(bytes)}");
            if (status == 400) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }, iter: 400, threads: 1);
    }

    private Task FuzzAsync(string path, string contentType, byte[] valid) =>
        Gen.OneOf(Gen.Byte.Array[0, 200], ParserPropertyTests.Mutated(valid)).SampleAsync(async bytes =>
        {
            using var response = await _client.PostAsync(path, Body(bytes, contentType), Ct);
            var status = (int)response.StatusCode;
            Assert.True(status is >= 200 and < 500, $"{status} for {Convert.ToBase64String(bytes)}");
            if (status >= 400) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }, iter: 400, threads: 1);
}
