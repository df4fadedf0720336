using System.Text.Json;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.WebConsole.Dashboards.Grafana;

namespace AirisEpm.Console.Tests.Dashboards.Grafana;

/// <summary>The Grafana dashboards under testdata/ (written for these tests in Grafana's formats) and their expected imports.</summary>
public static class GrafanaFixtures
{
    public static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "Console.Tests", "Dashboards", "Grafana", "testdata");

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonDocument Read(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")));

    public static GrafanaImport ImportFixture(string name)
    {
        using var json = Read(name);
        return GrafanaImporter.Import(json.RootElement);
    }

    public static GrafanaImport Import(string json, bool wrap = false)
    {
        using var document = JsonDocument.Parse(wrap ? $"{{\"dashboard\": {json}}}" : json);
        return GrafanaImporter.Import(document.RootElement);
    }
}
