using System.Text.Json;

namespace AirisEpm.DaprTestSidecar.Components;

/// <summary>secretstores.local.file: a JSON file whose nested keys are joined with the separator.</summary>
public sealed class LocalFileSecretStore
{
    public const string Type = "secretstores.local.file";

    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);

    public LocalFileSecretStore(ComponentDefinition component, string baseDirectory)
    {
        var file = component.Value("secretsFile") ?? throw new InvalidDataException($"Secret store {component.Name} has no secretsFile.");
        var separator = component.Value("nestedSeparator") ?? ":";
        using var json = JsonDocument.Parse(File.ReadAllText(Resolve(baseDirectory, file)));
        Flatten(json.RootElement, "", separator);
    }

    public IReadOnlyDictionary<string, string> All => _secrets;

    /// <summary>
    /// Under <c>dapr run -f .</c> each daprd runs in its app's appDirPath (services/&lt;Name&gt;), so a
    /// relative secretsFile is relative to that folder; every app folder sits at the same depth.
    /// </summary>
    private static string Resolve(string repositoryRoot, string file) =>
        Path.IsPathRooted(file) ? file : Path.GetFullPath(Path.Combine(repositoryRoot, "services", "any-app", file));

    public string? Get(string name) => _secrets.TryGetValue(name, out var value) ? value : null;

    private void Flatten(JsonElement element, string prefix, string separator)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            _secrets[prefix] = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            Flatten(property.Value, prefix.Length == 0 ? property.Name : prefix + separator + property.Name, separator);
        }
    }
}
