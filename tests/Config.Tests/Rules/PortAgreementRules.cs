using System.Text.Json;
using AirisEpm.Config.Tests.Model;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// dapr.yaml is the reference for each app's ports; docker-compose.yml (app ports, sidecar flags, DAPR_*_PORT)
/// and the service's Properties/launchSettings.json (applicationUrl, DAPR_*_PORT) must agree with it.
/// </summary>
public static class PortAgreementRules
{
    public static IEnumerable<Finding> Check(RunFile run, ComposeFile compose, Repo repo) =>
        run.Apps.Where(app => app.AppId is not null)
            .SelectMany(app => CheckCompose(app, compose).Concat(CheckLaunchSettings(run, app, repo)));

    private static IEnumerable<Finding> CheckCompose(RunApp app, ComposeFile compose)
    {
        var file = compose.File.Path;
        var sidecarName = app.AppId + ComposeFile.SidecarSuffix;
        var flags = compose.Service(sidecarName)?.Flags() ?? new Dictionary<string, string>();
        foreach (var (flag, expected) in new[] { ("app-port", app.AppPort), ("dapr-http-port", app.HttpPort), ("dapr-grpc-port", app.GrpcPort) })
        {
            if (RunApp.Port(flags.GetValueOrDefault(flag)) != expected)
            {
                yield return new(file, $"services.{sidecarName}.command", $"-{flag} is {flags.GetValueOrDefault(flag)}; dapr.yaml says {expected}");
            }
        }

        if (compose.Service(app.AppId!) is not { } service)
        {
            yield break;
        }

        var dockerfile = service.Node.Text("build.dockerfile");
        var expectedDockerfile = Repo.Combine(app.AppDirPath ?? "", "Dockerfile");
        if (dockerfile is null || Repo.Normalize(dockerfile) != expectedDockerfile)
        {
            yield return new(file, $"services.{app.AppId}.build.dockerfile", $"'{dockerfile}' must be {expectedDockerfile}, the appDirPath of dapr.yaml");
        }

        foreach (var (variable, expected) in new[] { ("DAPR_HTTP_PORT", app.HttpPort), ("DAPR_GRPC_PORT", app.GrpcPort) })
        {
            if (RunApp.Port(service.Environment.GetValueOrDefault(variable)) != expected)
            {
                yield return new(file, $"services.{app.AppId}.environment.{variable}", $"must be {expected} as in dapr.yaml");
            }
        }

        var url = service.Environment.GetValueOrDefault("ASPNETCORE_URLS");
        if (url is not null && !url.EndsWith($":{app.AppPort}", StringComparison.Ordinal))
        {
            yield return new(file, $"services.{app.AppId}.environment.ASPNETCORE_URLS", $"must listen on {app.AppPort}");
        }

        if (!service.Ports.Contains($"{app.AppPort}:{app.AppPort}"))
        {
            yield return new(file, $"services.{app.AppId}.ports", $"must publish {app.AppPort}:{app.AppPort}");
        }
    }

    private static IEnumerable<Finding> CheckLaunchSettings(RunFile run, RunApp app, Repo repo)
    {
        var path = Repo.Combine(Repo.Combine(run.File.Folder, app.AppDirPath ?? ""), "Properties/launchSettings.json");
        if (!repo.FileExists(path))
        {
            yield return new(path, "profiles", $"missing; {app.AppId} needs a launch profile on port {app.AppPort}");
            yield break;
        }

        using var json = JsonDocument.Parse(repo.Read(path).Text);
        foreach (var profile in json.RootElement.GetProperty("profiles").EnumerateObject())
        {
            var field = $"profiles.{profile.Name}";
            if (profile.Value.TryGetProperty("applicationUrl", out var urls)
                && (urls.GetString() ?? "").Split(';').Any(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Port != app.AppPort))
            {
                yield return new(path, field + ".applicationUrl", $"'{urls.GetString()}' must use port {app.AppPort} as in dapr.yaml");
            }

            if (!profile.Value.TryGetProperty("environmentVariables", out var env))
            {
                continue;
            }

            foreach (var (variable, expected) in new[] { ("DAPR_HTTP_PORT", app.HttpPort), ("DAPR_GRPC_PORT", app.GrpcPort) })
            {
                if (env.TryGetProperty(variable, out var value) && RunApp.Port(value.GetString()) != expected)
                {
                    yield return new(path, $"{field}.environmentVariables.{variable}", $"is {value.GetString()}; dapr.yaml says {expected}");
                }
            }
        }
    }
}
