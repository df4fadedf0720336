using YamlDotNet.RepresentationModel;

namespace AirisEpm.DaprTestSidecar.Components;

/// <summary>
/// Reads a Dapr resources folder (Component, Subscription, Resiliency and HTTPEndpoint documents) the way
/// daprd's standalone mode does: every *.yaml/*.yml file, several documents per file allowed.
/// </summary>
public static class ComponentLoader
{
    public static ComponentSet Load(string folder, string baseDirectory)
    {
        var components = new List<ComponentDefinition>();
        var subscriptions = new List<SubscriptionDefinition>();
        var httpEndpoints = new List<string>();
        var resiliency = ResiliencyConfig.Empty;
        var files = Directory.EnumerateFiles(folder, "*.y*ml").Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(file))
            {
                stream.Load(reader);
            }

            foreach (var document in stream.Documents)
            {
                if (document.RootNode is not YamlMappingNode root)
                {
                    continue;
                }

                switch (root.Text("kind"))
                {
                    case "Component":
                        components.Add(ReadComponent(root));
                        break;
                    case "Subscription":
                        subscriptions.Add(ReadSubscription(root));
                        break;
                    case "Resiliency":
                        resiliency = ResiliencyReader.Read(root);
                        break;
                    case "HTTPEndpoint":
                        httpEndpoints.Add(root.Map("metadata")?.Text("name") ?? throw new InvalidDataException("An HTTPEndpoint has no metadata.name."));
                        break;
                }
            }
        }

        return new ComponentSet(components, subscriptions, resiliency, baseDirectory) { HttpEndpoints = httpEndpoints };
    }

    private static ComponentDefinition ReadComponent(YamlMappingNode root)
    {
        var spec = root.Map("spec");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var secrets = new Dictionary<string, SecretKeyRef>(StringComparer.Ordinal);
        foreach (var item in spec?.Seq("metadata") ?? [])
        {
            var name = item.Text("name") ?? throw new InvalidDataException("A metadata item has no name.");
            if (item.Map("secretKeyRef") is { } secretRef)
            {
                var secretName = secretRef.Text("name") ?? name;
                secrets[name] = new SecretKeyRef(secretName, secretRef.Text("key") ?? secretName);
            }
            else
            {
                values[name] = item.Text("value") ?? "";
            }
        }

        return new ComponentDefinition(
            root.Map("metadata")?.Text("name") ?? throw new InvalidDataException("A component has no metadata.name."),
            spec?.Text("type") ?? throw new InvalidDataException("A component has no spec.type."),
            values,
            secrets,
            root.Strings("scopes"),
            root.Map("auth")?.Text("secretStore")) { Version = spec.Text("version") ?? "" };
    }

    private static SubscriptionDefinition ReadSubscription(YamlMappingNode root)
    {
        var spec = root.Map("spec") ?? throw new InvalidDataException("A Subscription has no spec.");
        var routes = spec.Map("routes");
        var rules = (routes?.Seq("rules") ?? [])
            .Select(r => new RouteRule(r.Text("match") ?? "", r.Text("path") ?? ""))
            .ToList();
        return new SubscriptionDefinition(
            spec.Text("pubsubname") ?? throw new InvalidDataException("A Subscription has no spec.pubsubname."),
            spec.Text("topic") ?? throw new InvalidDataException("A Subscription has no spec.topic."),
            rules,
            routes?.Text("default") ?? spec.Text("route"),
            spec.Text("deadLetterTopic"),
            root.Strings("scopes")) { Declarative = true };
    }
}
