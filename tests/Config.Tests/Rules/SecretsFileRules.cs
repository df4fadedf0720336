using AirisEpm.Config.Tests.Model;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// A secretstores.local.file's secretsFile must exist where daprd looks: under `dapr run -f` daprd runs in the
/// app's appDirPath, so a relative path is resolved from there; in compose the path is inside the container
/// and comes from a compose secret or a bind mount of a gitignored file with a committed template.
/// </summary>
public static class SecretsFileRules
{
    public static IEnumerable<Finding> CheckRunFile(RunFile run, Repo repo)
    {
        var folders = run.Common.Child("resourcesPaths").Strings().Select(p => Repo.Combine(run.File.Folder, p));
        var stores = folders.SelectMany(folder => SecretFiles(ResourceEnvironment.Load(repo, folder))).ToList();
        foreach (var app in run.Apps.Where(a => a.AppDirPath is not null))
        {
            var appDir = Repo.Combine(run.File.Folder, app.AppDirPath!);
            foreach (var (store, secretsFile) in stores.Where(s => !repo.FileExists(Repo.Combine(appDir, s.SecretsFile))))
            {
                yield return new(store.File, "spec.metadata[secretsFile]", $"'{secretsFile}' does not exist from {app.AppId}'s appDirPath {app.AppDirPath}");
            }
        }
    }

    /// <summary>
    /// In compose the file reaches each daprd through a compose secret (/run/secrets/NAME) or a bind mount. It
    /// holds real values, so it must be gitignored, with a committed NAME.example.json beside it that lists every
    /// contract secret and every secret the compose components reference.
    /// </summary>
    public static IEnumerable<Finding> CheckCompose(ComposeFile compose, Repo repo)
    {
        var environment = ResourceEnvironment.Load(repo, ComposeRules.ResourcesFolder);
        var hosts = new HashSet<(DaprResource, string)>();
        foreach (var sidecar in compose.Services.Values.Where(s => s.Name.EndsWith(ComposeFile.SidecarSuffix, StringComparison.Ordinal)))
        {
            foreach (var (store, secretsFile) in SecretFiles(environment))
            {
                var host = HostPath(compose, sidecar, secretsFile);
                if (host is null)
                {
                    yield return new(store.File, "spec.metadata[secretsFile]", $"'{secretsFile}' is not a file mounted into {sidecar.Name}");
                }
                else
                {
                    hosts.Add((store, host));
                }
            }
        }

        foreach (var finding in hosts.SelectMany(pair => CheckSecretsFile(pair.Item1, pair.Item2, environment, repo)))
        {
            yield return finding;
        }
    }

    private static string? HostPath(ComposeFile compose, ComposeService sidecar, string secretsFile)
    {
        var secret = secretsFile.StartsWith(ComposeFile.SecretsFolder + "/", StringComparison.Ordinal)
            ? secretsFile[(ComposeFile.SecretsFolder.Length + 1)..]
            : null;
        return secret is not null && sidecar.Secrets.Contains(secret)
            ? compose.SecretFile(secret)
            : sidecar.HostPathOf(secretsFile, compose.File.Folder);
    }

    private static IEnumerable<Finding> CheckSecretsFile(DaprResource store, string host, ResourceEnvironment environment, Repo repo)
    {
        if (!repo.IsGitIgnored(host))
        {
            yield return new(".gitignore", host, $"must be ignored: {store.File} reads real secrets from it");
        }

        var example = Path.ChangeExtension(host, ".example" + Path.GetExtension(host)).Replace('\\', '/');
        if (!repo.FileExists(example))
        {
            yield return new(example, "", $"is missing: the committed template (placeholders only) of {host}");
            yield break;
        }

        using var json = System.Text.Json.JsonDocument.Parse(repo.Read(example).Text);
        var referenced = environment.Components.SelectMany(c => c.Metadata).Where(m => m.IsSecretRef).Select(m => m.SecretName!);
        foreach (var name in SecretContract.Names.Concat(referenced).Distinct().Where(n => !json.RootElement.TryGetProperty(n, out _)))
        {
            yield return new(example, name, "is missing: copying the template must give every secret the apps and components read");
        }
    }

    private static IEnumerable<(DaprResource Store, string SecretsFile)> SecretFiles(ResourceEnvironment environment) =>
        environment.Components
            .Where(c => c.Type == "secretstores.local.file" && c.Find("secretsFile")?.Value is not null)
            .Select(c => (c, c.Find("secretsFile")!.Value!));
}
