using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.Console.Tests.Dashboards.Support;

/// <summary>
/// The repository's components/local, with the console among the state store's scopes if the YAML does not list
/// it yet (the console's entry in the components belongs to the host's change), so the console's sidecar sees the
/// <c>statestore</c> it keeps dashboards in. Once components/local lists it, this is a plain copy.
/// </summary>
public static class ConsoleComponents
{
    private static readonly Lazy<string> LazyFolder = new(Create);

    public static string Folder => LazyFolder.Value;

    private static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "airis-console-components-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(RepositoryPaths.LocalComponents))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var store = Path.Combine(folder, DaprComponents.StateStore + ".yaml");
        var lines = File.ReadAllLines(store).ToList();
        if (!lines.Any(l => l.Trim() == "- " + AppIds.Console))
        {
            lines.Insert(lines.FindIndex(l => l.StartsWith("scopes:", StringComparison.Ordinal)) + 1, "  - " + AppIds.Console);
            File.WriteAllLines(store, lines);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    }
}
