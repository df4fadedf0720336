using AirisEpm.Config.Tests.Model;
using AirisEpm.ServiceDefaults;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// dapr.yaml: version 1, resourcesPaths as a list, paths that exist (common ones relative to the file, an
/// app's own relative to its appDirPath, as the CLI resolves them), the five app ids (<see cref="AppIds.Platform"/>) with distinct ports,
/// health checks on /healthz, and a command that passes --urls with the app port (ASP.NET ignores APP_PORT).
/// </summary>
public static class RunFileRules
{
    public static IEnumerable<Finding> Check(RunFile run, Repo repo)
    {
        var file = run.File.Path;
        if (run.Root.Text("version") != "1")
        {
            yield return new(file, "version", "must be 1");
        }

        if (run.Common.Child("resourcesPath") is not null)
        {
            yield return new(file, "common.resourcesPath", "is deprecated; use resourcesPaths (a list)");
        }

        var paths = run.Common.Child("resourcesPaths");
        if (paths is not YamlDotNet.RepresentationModel.YamlSequenceNode || paths.Strings().Count == 0)
        {
            yield return new(file, "common.resourcesPaths", "must be a non-empty list");
        }

        foreach (var path in paths.Strings().Where(p => !repo.DirectoryExists(Repo.Combine(run.File.Folder, p))))
        {
            yield return new(file, "common.resourcesPaths", $"'{path}' does not exist");
        }

        var config = run.Common.Text("configFilePath");
        if (config is null || !repo.FileExists(Repo.Combine(run.File.Folder, config)))
        {
            yield return new(file, "common.configFilePath", $"'{config}' does not exist");
        }

        foreach (var finding in CheckAppIds(run).Concat(run.Apps.SelectMany(app => CheckApp(run, app, repo))).Concat(CheckDistinctPorts(run)))
        {
            yield return finding;
        }
    }

    private static IEnumerable<Finding> CheckAppIds(RunFile run)
    {
        var ids = run.Apps.Select(a => a.AppId).ToList();
        foreach (var missing in AppIds.Platform.Where(id => !ids.Contains(id)))
        {
            yield return new(run.File.Path, "apps", $"no app with appID '{missing}'");
        }

        foreach (var app in run.Apps.Where(a => a.AppId is null || !AppIds.Platform.Contains(a.AppId)))
        {
            yield return new(run.File.Path, app.Field("appID"), $"'{app.AppId}' is not an app id");
        }
    }

    private static IEnumerable<Finding> CheckApp(RunFile run, RunApp app, Repo repo)
    {
        var file = run.File.Path;
        var dir = app.AppDirPath is null ? null : Repo.Combine(run.File.Folder, app.AppDirPath);
        if (dir is null || !repo.DirectoryExists(dir) || repo.List(dir, "*.csproj").Count == 0)
        {
            yield return new(file, app.Field("appDirPath"), $"'{app.AppDirPath}' is not a project folder");
        }

        foreach (var (key, port) in new[] { ("appPort", app.AppPort), ("daprHTTPPort", app.HttpPort), ("daprGRPCPort", app.GrpcPort) })
        {
            if (port is null)
            {
                yield return new(file, app.Field(key), "must be a pinned port number");
            }
        }

        var urlsAt = app.Command.ToList().IndexOf("--urls");
        var url = urlsAt >= 0 && urlsAt + 1 < app.Command.Count ? app.Command[urlsAt + 1] : null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port != app.AppPort)
        {
            yield return new(file, app.Field("command"), $"must pass --urls with port {app.AppPort} (ASP.NET does not bind APP_PORT)");
        }

        if (run.Setting(app, "appHealthCheckPath") != Extensions.LivenessPath)
        {
            yield return new(file, app.Field("appHealthCheckPath"), $"must be {Extensions.LivenessPath}");
        }

        if (run.Setting(app, "enableAppHealthCheck") != "true")
        {
            yield return new(file, app.Field("enableAppHealthCheck"), "must be true");
        }
    }

    private static IEnumerable<Finding> CheckDistinctPorts(RunFile run)
    {
        var seen = new Dictionary<int, string>();
        foreach (var app in run.Apps)
        {
            foreach (var (key, port) in new[] { ("appPort", app.AppPort), ("daprHTTPPort", app.HttpPort), ("daprGRPCPort", app.GrpcPort) })
            {
                if (port is { } value && !seen.TryAdd(value, app.Field(key)))
                {
                    yield return new(run.File.Path, app.Field(key), $"port {value} is also {seen[value]}");
                }
            }
        }
    }
}
