using System.Text.RegularExpressions;
using AirisEpm.Config.Tests.Model;
using AirisEpm.ServiceDefaults;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// docker-compose.yml: every app built from a Dockerfile that exists, beside an "&lt;app&gt;-dapr" daprd sharing
/// its network, with components/compose mounted; bind-mount sources exist; the infrastructure is there.
/// </summary>
public static partial class ComposeRules
{
    public const string ResourcesFolder = "components/compose";
    public const string DaprdImage = "daprio/daprd";
    private static readonly Version MinimumDapr = new(1, 16);

    public static IEnumerable<Finding> Check(ComposeFile compose, Repo repo) =>
        AppIds.Platform.SelectMany(app => CheckApp(compose, app, repo))
            .Concat(compose.Services.Values.SelectMany(service => CheckVolumes(compose, service, repo)))
            .Concat(InfrastructureRules.Check(compose));

    private static IEnumerable<Finding> CheckApp(ComposeFile compose, string app, Repo repo)
    {
        var file = compose.File.Path;
        if (compose.Service(app) is not { } service)
        {
            yield return new(file, $"services.{app}", "is missing");
            yield break;
        }

        var context = service.Node.Text("build.context");
        var dockerfile = service.Node.Text("build.dockerfile");
        if (context is null || dockerfile is null || !repo.FileExists(Repo.Combine(Repo.Combine(compose.File.Folder, context), dockerfile)))
        {
            yield return new(file, $"services.{app}.build.dockerfile", $"'{dockerfile}' (context '{context}') does not exist");
        }

        foreach (var finding in CheckSidecar(compose, app, repo))
        {
            yield return finding;
        }
    }

    private static IEnumerable<Finding> CheckSidecar(ComposeFile compose, string app, Repo repo)
    {
        var file = compose.File.Path;
        var name = app + ComposeFile.SidecarSuffix;
        if (compose.Service(name) is not { } sidecar)
        {
            yield return new(file, $"services.{name}", "is missing");
            yield break;
        }

        if (!IsPinnedDaprd(sidecar.Image))
        {
            yield return new(file, $"services.{name}.image", $"'{sidecar.Image}' must be {DaprdImage} pinned to {MinimumDapr} or newer");
        }

        if (sidecar.NetworkMode != $"service:{app}")
        {
            yield return new(file, $"services.{name}.network_mode", $"must be \"service:{app}\"");
        }

        var flags = sidecar.Flags();
        if (flags.GetValueOrDefault("app-id") != app)
        {
            yield return new(file, $"services.{name}.command", $"-app-id must be {app}");
        }

        foreach (var flag in new[] { "app-port", "dapr-http-port", "dapr-grpc-port" }.Where(f => RunApp.Port(flags.GetValueOrDefault(f)) is null))
        {
            yield return new(file, $"services.{name}.command", $"-{flag} must be a port number");
        }

        foreach (var (flag, host, port) in new[] { ("placement-host-address", "placement", 50005), ("scheduler-host-address", "scheduler", 50006) })
        {
            if (flags.GetValueOrDefault(flag) != $"{host}:{port}" || compose.Service(host) is null)
            {
                yield return new(file, $"services.{name}.command", $"-{flag} must be {host}:{port}, a service of this file");
            }
        }

        var resources = flags.GetValueOrDefault("resources-path");
        if (resources is null || sidecar.HostPathOf(resources, compose.File.Folder) != ResourcesFolder)
        {
            yield return new(file, $"services.{name}.command", $"-resources-path '{resources}' must be where ./{ResourcesFolder} is mounted");
        }

        var config = flags.GetValueOrDefault("config");
        var configHost = config is null ? null : sidecar.HostPathOf(config, compose.File.Folder);
        if (configHost is null || !repo.FileExists(configHost))
        {
            yield return new(file, $"services.{name}.command", $"-config '{config}' is not a mounted file of the repository");
        }

        if (flags.ContainsKey("enable-app-health-check") && flags.GetValueOrDefault("app-health-check-path") != Extensions.LivenessPath)
        {
            yield return new(file, $"services.{name}.command", $"-app-health-check-path must be {Extensions.LivenessPath}");
        }
    }

    private static IEnumerable<Finding> CheckVolumes(ComposeFile compose, ComposeService service, Repo repo)
    {
        foreach (var source in service.Volumes.Select(v => v.Split(':')[0]).Where(s => s.StartsWith('.')))
        {
            var path = Repo.Combine(compose.File.Folder, source);
            if (!repo.DirectoryExists(path) && !repo.FileExists(path))
            {
                yield return new(compose.File.Path, $"services.{service.Name}.volumes", $"source '{source}' does not exist");
            }
        }
    }

    public static bool IsPinnedDaprd(string? image)
    {
        var match = image is null ? null : DaprdTag().Match(image);
        return match is { Success: true } && Version.Parse(match.Groups[1].Value) >= MinimumDapr;
    }

    [GeneratedRegex(@"^daprio/daprd:(\d+\.\d+)(\.\d+)?$")]
    private static partial Regex DaprdTag();
}
