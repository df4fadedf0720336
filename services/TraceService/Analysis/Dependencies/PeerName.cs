using AirisEpm.TraceService.Domain;

namespace AirisEpm.TraceService.Analysis.Dependencies;

/// <summary>
/// Names the uninstrumented callee of a client or producer span from its attributes, most specific
/// first: <c>peer.service</c>; else <c>db.system</c> with the database (<c>db.namespace</c>, or the
/// older <c>db.name</c>) as <c>postgresql/orders</c>; else <c>messaging.system</c> with the destination
/// (<c>messaging.destination.name</c>, or the older <c>messaging.destination</c>) as <c>kafka/payments</c>;
/// else <c>server.address</c> (older SDKs: <c>net.peer.name</c>). The kind follows the system
/// attributes even when <c>peer.service</c> gives the name.
/// </summary>
public static class PeerName
{
    public static (string Name, TargetKind Kind)? Of(Span span)
    {
        var attributes = span.Attributes;
        var db = Text(attributes, "db.system");
        var messaging = Text(attributes, "messaging.system");
        var kind = db is not null ? TargetKind.Database : messaging is not null ? TargetKind.Queue : TargetKind.Service;

        if (Text(attributes, "peer.service") is { } peer)
            return (peer, kind);
        if (db is not null)
            return (Qualified(db, Text(attributes, "db.namespace") ?? Text(attributes, "db.name")), TargetKind.Database);
        if (messaging is not null)
        {
            var destination = Text(attributes, "messaging.destination.name") ?? Text(attributes, "messaging.destination");
            return (Qualified(messaging, destination), TargetKind.Queue);
        }
        if ((Text(attributes, "server.address") ?? Text(attributes, "net.peer.name")) is { } address)
            return (address, TargetKind.External);
        return null;
    }

    private static string Qualified(string system, string? name) => name is null ? system : system + "/" + name;

    private static string? Text(IReadOnlyDictionary<string, AttributeValue> attributes, string key) =>
        attributes.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value.Text) ? value.Text : null;
}
