namespace AirisEpm.DaprTestSidecar.Components;

/// <summary>
/// The capabilities daprd lists for a component in its metadata (runtime.getComponentsCapabilitesMap): a state store's
/// features, plus ACTOR when it has both ETAG and TRANSACTIONAL; INPUT_BINDING / OUTPUT_BINDING for bindings; a pub/sub's
/// and a secret store's features. Here the features are what the double implements for that kind of component, which
/// for state (ETags, transactions, TTL) is what Redis offers too.
/// </summary>
public static class ComponentCapabilities
{
    private static readonly IReadOnlySet<string> InputOnlyBindings = new HashSet<string>(StringComparer.Ordinal) { "bindings.cron" };

    public static IReadOnlyList<string> Of(ComponentDefinition component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var type = component.Type;
        if (type.StartsWith("state.", StringComparison.Ordinal)) return ["ETAG", "TRANSACTIONAL", "TTL", "ACTOR"];
        if (!type.StartsWith("bindings.", StringComparison.Ordinal)) return [];

        var directions = (component.Value("direction") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var input = directions.Length > 0 ? directions.Contains("input") : InputOnlyBindings.Contains(type);
        var output = directions.Length > 0 ? directions.Contains("output") : !InputOnlyBindings.Contains(type);
        return [.. input ? ["INPUT_BINDING"] : Array.Empty<string>(), .. output ? ["OUTPUT_BINDING"] : Array.Empty<string>()];
    }
}
