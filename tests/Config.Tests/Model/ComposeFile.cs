using YamlDotNet.RepresentationModel;

namespace AirisEpm.Config.Tests.Model;

/// <summary>docker-compose.yml: its services by name, and its top-level secrets.</summary>
public sealed record ComposeFile(RepoFile File, YamlMappingNode Root, IReadOnlyDictionary<string, ComposeService> Services)
{
    public const string SidecarSuffix = "-dapr";

    /// <summary>Where compose mounts a service's secrets.</summary>
    public const string SecretsFolder = "/run/secrets";

    public ComposeService? Service(string name) => Services.GetValueOrDefault(name);

    /// <summary>The repository path of a top-level file secret, or null.</summary>
    public string? SecretFile(string name) =>
        Root.Child("secrets").Child(name).Text("file") is { } file ? Repo.Combine(File.Folder, file) : null;

    public static ComposeFile Parse(RepoFile file)
    {
        var root = YamlNodes.Documents(file.Text).Single();
        var services = root.Child("services").Entries()
            .ToDictionary(pair => pair.Key, pair => new ComposeService(pair.Key, pair.Value));
        return new ComposeFile(file, root, services);
    }
}

/// <summary>One compose service, with the few fields the rules read.</summary>
public sealed record ComposeService(string Name, YamlNode Node)
{
    public string? Image => Node.Text("image");

    public string? NetworkMode => Node.Text("network_mode");

    public IReadOnlyList<string> Ports => Node.Child("ports").Strings();

    public IReadOnlyList<string> Volumes => Node.Child("volumes").Strings();

    public IReadOnlyList<string> Profiles => Node.Child("profiles").Strings();

    /// <summary>The secrets granted to the service, short form or long form (<c>source:</c>).</summary>
    public IReadOnlyList<string> Secrets =>
        Node.Child("secrets").Items().Select(s => s is YamlScalarNode scalar ? scalar.Value ?? "" : s.Text("source") ?? "").ToList();

    /// <summary>The host port each <c>ports</c> entry publishes ("8001:8001", "127.0.0.1:8025:8025", "9000").</summary>
    public IReadOnlyList<(string Entry, int? HostPort)> PublishedPorts => Node.Child("ports").Items()
        .Select(p => p is YamlScalarNode scalar
            ? (scalar.Value ?? "", HostPort(scalar.Value ?? ""))
            : (p.Text("published") ?? p.Text("target") ?? "", RunApp.Port(p.Text("published") ?? p.Text("target"))))
        .ToList();

    /// <summary>"[ip:]host:container[/proto]" publishes host; a lone "container" publishes that port too.</summary>
    private static int? HostPort(string entry)
    {
        var parts = entry.Split('/')[0].Split(':');
        return RunApp.Port(parts.Length > 1 ? parts[^2] : parts[0]);
    }

    /// <summary>The command as a list; a string command is split on spaces.</summary>
    public IReadOnlyList<string> Command => Node.Child("command") switch
    {
        YamlScalarNode scalar => (scalar.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        var node => node.Strings(),
    };

    /// <summary>Environment from either compose form (mapping, or a list of KEY=value).</summary>
    public IReadOnlyDictionary<string, string> Environment => Node.Child("environment") switch
    {
        YamlSequenceNode list => list.Strings().Select(e => e.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : ""),
        var mapping => mapping.Entries().ToDictionary(p => p.Key, p => (p.Value as YamlScalarNode)?.Value ?? ""),
    };

    /// <summary>daprd flags ("-app-port 8001" or "--app-port=8001") by name without dashes; a bare flag maps to "true".</summary>
    public IReadOnlyDictionary<string, string> Flags()
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var args = Command;
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith('-'))
            {
                continue;
            }

            var parts = args[i].TrimStart('-').Split('=', 2);
            var hasNext = i + 1 < args.Count && !args[i + 1].StartsWith('-');
            flags[parts[0]] = parts.Length > 1 ? parts[1] : hasNext ? args[++i] : "true";
        }

        return flags;
    }

    /// <summary>
    /// The repository path a container path comes from through a bind mount ("./src:/dst[:ro]"), or null
    /// when no bind mount covers it.
    /// </summary>
    public string? HostPathOf(string containerPath, string composeFolder)
    {
        foreach (var volume in Volumes)
        {
            var parts = volume.Split(':');
            if (parts.Length < 2 || !parts[0].StartsWith('.'))
            {
                continue;
            }

            var target = parts[1].TrimEnd('/');
            if (containerPath == target || containerPath.StartsWith(target + "/", StringComparison.Ordinal))
            {
                return Repo.Combine(composeFolder, parts[0] + containerPath[target.Length..]);
            }
        }

        return null;
    }
}
