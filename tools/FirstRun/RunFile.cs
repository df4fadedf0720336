using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace AirisEpm.FirstRun;

/// <summary>One app of dapr.yaml as <c>dapr run -f</c> starts it: its command, in its folder, with its environment.</summary>
public sealed record RunApp(string AppId, string Directory, int AppPort, IReadOnlyList<string> Command, IReadOnlyDictionary<string, string> Environment);

/// <summary>
/// The parts of the Multi-App Run file that decide how an app's command starts (dapr/cli pkg/runfileconfig and
/// pkg/standalone/run.go): appDirPath relative to the file, common.env merged under each app's env (the app's
/// value wins), and the variables the CLI adds itself (APP_ID, APP_PORT, APP_PROTOCOL, DAPR_HTTP_PORT,
/// DAPR_GRPC_PORT).
/// </summary>
public static class RunFile
{
    public static IReadOnlyList<RunApp> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var common = Env(Child(root, "common"));
        return ((YamlSequenceNode)Child(root, "apps")!).Children.Select(node => App(node, folder, common)).ToList();
    }

    private static RunApp App(YamlNode node, string folder, IReadOnlyDictionary<string, string> common)
    {
        var id = Required(node, "appID");
        var environment = new Dictionary<string, string>(common, StringComparer.Ordinal);
        foreach (var (key, value) in Env(node))
        {
            environment[key] = value;
        }

        environment["APP_ID"] = id;
        environment["APP_PROTOCOL"] = "http";
        foreach (var (key, variable) in new[] { ("appPort", "APP_PORT"), ("daprHTTPPort", "DAPR_HTTP_PORT"), ("daprGRPCPort", "DAPR_GRPC_PORT") })
        {
            if (Text(node, key) is { } port)
            {
                environment[variable] = port;
            }
        }

        var command = Child(node, "command") is YamlSequenceNode list ? list.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToList() : [];
        if (command.Count == 0)
        {
            throw new InvalidDataException($"app '{id}' has no command");
        }

        return new RunApp(
            id,
            Path.GetFullPath(Path.Combine(folder, Required(node, "appDirPath"))),
            int.Parse(Required(node, "appPort"), CultureInfo.InvariantCulture),
            command,
            environment);
    }

    private static Dictionary<string, string> Env(YamlNode? node) =>
        Child(node, "env") is YamlMappingNode env
            ? env.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Text(YamlNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private static string Required(YamlNode node, string key) =>
        Text(node, key) is { Length: > 0 } value ? value : throw new InvalidDataException($"an app has no {key}");
}
