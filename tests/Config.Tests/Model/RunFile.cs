using YamlDotNet.RepresentationModel;

namespace AirisEpm.Config.Tests.Model;

/// <summary>The Multi-App Run file (dapr.yaml), as the Dapr CLI reads it (dapr/cli pkg/runfileconfig).</summary>
public sealed record RunFile(RepoFile File, YamlMappingNode Root, IReadOnlyList<RunApp> Apps)
{
    public YamlNode? Common => Root.Child("common");

    public static RunFile Parse(RepoFile file)
    {
        var root = YamlNodes.Documents(file.Text).Single();
        var apps = root.Child("apps").Items().Select((node, index) => RunApp.From(node, index)).ToList();
        return new RunFile(file, root, apps);
    }

    /// <summary>A shared setting: the app's own value wins over common's (as the CLI merges them).</summary>
    public string? Setting(RunApp app, string key) => app.Node.Text(key) ?? Common.Text(key);
}

/// <summary>One entry of <c>apps</c>; ports are null when absent or not numbers.</summary>
public sealed record RunApp(int Index, string? AppId, string? AppDirPath, int? AppPort, int? HttpPort, int? GrpcPort, IReadOnlyList<string> Command, YamlNode Node)
{
    /// <summary>How a finding names a field of this app.</summary>
    public string Field(string key) => $"apps[{AppId ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture)}].{key}";

    public static RunApp From(YamlNode node, int index) => new(
        index,
        node.Text("appID"),
        node.Text("appDirPath"),
        Port(node.Text("appPort")),
        Port(node.Text("daprHTTPPort")),
        Port(node.Text("daprGRPCPort")),
        node.Child("command").Strings(),
        node);

    public static int? Port(string? text) => int.TryParse(text, out var port) && port is > 0 and < 65536 ? port : null;
}
