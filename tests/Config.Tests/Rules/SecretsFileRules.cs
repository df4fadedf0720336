using AirisEpm.Config.Tests.Model;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>
/// A secretstores.local.file's secretsFile must exist where daprd looks: under `dapr run -f` daprd runs in the
/// app's appDirPath, so a relative path is resolved from there; in compose the path is inside the container
/// and must come from a bind mount of the repository.
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

    public static IEnumerable<Finding> CheckCompose(ComposeFile compose, Repo repo)
    {
        var environment = ResourceEnvironment.Load(repo, ComposeRules.ResourcesFolder);
        foreach (var sidecar in compose.Services.Values.Where(s => s.Name.EndsWith(ComposeFile.SidecarSuffix, StringComparison.Ordinal)))
        {
            foreach (var (store, secretsFile) in SecretFiles(environment))
            {
                var host = sidecar.HostPathOf(secretsFile, compose.File.Folder);
                if (host is null || !repo.FileExists(host))
                {
                    yield return new(store.File, "spec.metadata[secretsFile]", $"'{secretsFile}' is not a file mounted into {sidecar.Name}");
                }
            }
        }
    }

    private static IEnumerable<(DaprResource Store, string SecretsFile)> SecretFiles(ResourceEnvironment environment) =>
        environment.Components
            .Where(c => c.Type == "secretstores.local.file" && c.Find("secretsFile")?.Value is not null)
            .Select(c => (c, c.Find("secretsFile")!.Value!));
}
