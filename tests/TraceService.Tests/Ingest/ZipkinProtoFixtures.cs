using System.Net;
using System.Text.Json;
using AirisEpm.TraceService.Tests.Ingest.ZipkinProto;
using Google.Protobuf;
using ProtoSpan = AirisEpm.TraceService.Tests.Ingest.ZipkinProto.Span;

namespace AirisEpm.TraceService.Tests.Ingest;

/// <summary>
/// Zipkin proto3 bodies encoded by Google.Protobuf from the test project's own zipkin_proto3.proto: a JSON v2
/// batch translated field by field (hex ids to bytes, dotted addresses to their bytes), as a Zipkin reporter
/// encodes the same spans in proto3.
/// </summary>
internal static class ZipkinProtoFixtures
{
    public static byte[] DaprdBatch => FromJson(ZipkinSpanReaderTests.DaprdBatch).ToByteArray();

    public static ListOfSpans FromJson(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var list = new ListOfSpans();
        foreach (var span in document.RootElement.EnumerateArray())
        {
            list.Spans.Add(FromJson(span));
        }

        return list;
    }

    public static ByteString Id(string hex) => ByteString.CopyFrom(Convert.FromHexString(hex));

    public static ProtoSpan Minimal(string traceIdHex = "a3ce929d0e0e4736a3ce929d0e0e4736", string idHex = "00f067aa0ba902b7", ulong timestamp = 1768478400000000) =>
        new() { TraceId = Id(traceIdHex), Id = Id(idHex), Timestamp = timestamp, Name = "get /cart" };

    private static ProtoSpan FromJson(JsonElement json)
    {
        var span = new ProtoSpan
        {
            TraceId = Id(json.GetProperty("traceId").GetString()!),
            Id = Id(json.GetProperty("id").GetString()!),
            Timestamp = json.GetProperty("timestamp").GetUInt64(),
        };
        if (json.TryGetProperty("parentId", out var parent)) span.ParentId = Id(parent.GetString()!);
        if (json.TryGetProperty("name", out var name)) span.Name = name.GetString();
        if (json.TryGetProperty("duration", out var duration)) span.Duration = duration.GetUInt64();
        if (json.TryGetProperty("kind", out var kind)) span.Kind = Enum.Parse<ProtoSpan.Types.Kind>(kind.GetString()!, ignoreCase: true);
        if (json.TryGetProperty("localEndpoint", out var local)) span.LocalEndpoint = Endpoint(local);
        if (json.TryGetProperty("remoteEndpoint", out var remote)) span.RemoteEndpoint = Endpoint(remote);
        if (json.TryGetProperty("tags", out var tags))
        {
            foreach (var tag in tags.EnumerateObject()) span.Tags[tag.Name] = tag.Value.GetString();
        }

        if (json.TryGetProperty("annotations", out var annotations))
        {
            foreach (var a in annotations.EnumerateArray())
            {
                span.Annotations.Add(new Annotation { Timestamp = a.GetProperty("timestamp").GetUInt64(), Value = a.GetProperty("value").GetString() });
            }
        }

        if (json.TryGetProperty("shared", out var shared)) span.Shared = shared.GetBoolean();
        if (json.TryGetProperty("debug", out var debug)) span.Debug = debug.GetBoolean();
        return span;
    }

    private static Endpoint Endpoint(JsonElement json)
    {
        var endpoint = new Endpoint();
        if (json.TryGetProperty("serviceName", out var service)) endpoint.ServiceName = service.GetString();
        if (json.TryGetProperty("ipv4", out var ipv4)) endpoint.Ipv4 = ByteString.CopyFrom(IPAddress.Parse(ipv4.GetString()!).GetAddressBytes());
        if (json.TryGetProperty("ipv6", out var ipv6)) endpoint.Ipv6 = ByteString.CopyFrom(IPAddress.Parse(ipv6.GetString()!).GetAddressBytes());
        if (json.TryGetProperty("port", out var port)) endpoint.Port = port.GetInt32();
        return endpoint;
    }
}
