using System.Text.Json;
using AirisEpm.Protocols.Ingest;

namespace AirisEpm.TraceService.Ingest.Zipkin;

/// <summary>Zipkin's <c>localEndpoint</c> / <c>remoteEndpoint</c>: who recorded the span, and the other side.</summary>
internal sealed record ZipkinEndpoint(string? ServiceName, string? Ipv4, string? Ipv6, int? Port)
{
    /// <summary>Reads the endpoint object the reader is about to enter; null when the value is null or a problem.</summary>
    public static ZipkinEndpoint? Read(ref Utf8JsonReader reader, ZipkinPath path, IngestProblems problems)
    {
        if (!ZipkinJson.StartObject(ref reader, path, problems)) return null;
        string? service = null, ipv4 = null, ipv6 = null;
        int? port = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("serviceName")) service = ZipkinJson.String(ref reader, path.Then("serviceName"), problems);
            else if (reader.ValueTextEquals("ipv4")) ipv4 = ZipkinJson.String(ref reader, path.Then("ipv4"), problems);
            else if (reader.ValueTextEquals("ipv6")) ipv6 = ZipkinJson.String(ref reader, path.Then("ipv6"), problems);
            else if (reader.ValueTextEquals("port")) port = (int?)ZipkinJson.Integer(ref reader, path.Then("port"), ushort.MaxValue, problems);
            else ZipkinJson.SkipValue(ref reader);
        }

        return new ZipkinEndpoint(service is { Length: > 0 } ? service : null, ipv4 is { Length: > 0 } ? ipv4 : null, ipv6 is { Length: > 0 } ? ipv6 : null, port);
    }
}
