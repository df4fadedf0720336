using System.Globalization;
using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Ingest.Zipkin;

/// <summary>
/// The other side of a Zipkin span as OpenTelemetry attributes, the reverse of OpenTelemetry's Zipkin
/// exporter mapping (which fills <c>remoteEndpoint</c> from <c>peer.service</c>, then <c>server.address</c>,
/// and its address and port from <c>network.peer.address</c> / <c>network.peer.port</c>):
/// <c>serviceName</c> → <c>peer.service</c>; <c>ipv6</c> (else <c>ipv4</c>) → <c>network.peer.address</c>;
/// <c>port</c> → <c>network.peer.port</c>. For CLIENT and PRODUCER spans the remote side is the server
/// (broker), so the address and port are also <c>server.address</c> / <c>server.port</c>. A tag the
/// producer sent itself wins over the endpoint.
/// </summary>
internal static class ZipkinRemoteEndpoint
{
    public static void AddTo(Dictionary<string, AttributeValue> attributes, ZipkinEndpoint? remote, SpanKind kind)
    {
        if (remote is null) return;
        if (remote.ServiceName is { } service) attributes.TryAdd("peer.service", AttributeValue.Of(service));
        var address = remote.Ipv6 ?? remote.Ipv4;
        var port = remote.Port is > 0 ? new AttributeValue(AttributeType.Int, remote.Port.Value.ToString(CultureInfo.InvariantCulture)) : (AttributeValue?)null;
        if (address is not null) attributes.TryAdd("network.peer.address", AttributeValue.Of(address));
        if (port is { } p) attributes.TryAdd("network.peer.port", p);
        if (kind is not (SpanKind.Client or SpanKind.Producer)) return;
        if (address is not null) attributes.TryAdd("server.address", AttributeValue.Of(address));
        if (port is { } q) attributes.TryAdd("server.port", q);
    }
}
