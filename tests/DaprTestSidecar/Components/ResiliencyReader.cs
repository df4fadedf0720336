using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AirisEpm.DaprTestSidecar.Components;

/// <summary>Reads spec.policies.retries and spec.targets.components.*.inbound.retry of a Resiliency document.</summary>
internal static class ResiliencyReader
{
    public static ResiliencyConfig Read(YamlMappingNode root)
    {
        var spec = root.Map("spec");
        var retries = spec?.Map("policies")?.Map("retries").Entries()
            .ToDictionary(e => e.Key, e => ReadPolicy(e.Value), StringComparer.Ordinal) ?? [];
        var inbound = spec?.Map("targets")?.Map("components").Entries()
            .Select(e => (e.Key, Retry: e.Value.Map("inbound")?.Text("retry")))
            .Where(e => e.Retry is not null)
            .ToDictionary(e => e.Key, e => e.Retry!, StringComparer.Ordinal) ?? [];
        return new ResiliencyConfig(retries, inbound);
    }

    private static RetryPolicy ReadPolicy(YamlMappingNode node)
    {
        static TimeSpan Duration(YamlMappingNode n, string key, TimeSpan fallback) =>
            GoDuration.TryParse(n.Text(key), out var value) ? value : fallback;

        // daprd's defaults: constant 5s, exponential from 500ms up to 60s; maxRetries -1 means forever,
        // which a test double caps so that a test can never hang on it.
        var maxRetries = int.TryParse(node.Text("maxRetries"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) ? max : -1;
        return new RetryPolicy(
            node.Text("policy") == "exponential",
            Duration(node, "duration", TimeSpan.FromSeconds(5)),
            Duration(node, "initialInterval", TimeSpan.FromMilliseconds(500)),
            Duration(node, "maxInterval", TimeSpan.FromSeconds(60)),
            maxRetries < 0 ? 100 : maxRetries);
    }
}
