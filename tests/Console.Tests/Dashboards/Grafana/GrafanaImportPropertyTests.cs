using System.Text.Json;
using System.Text.Json.Nodes;
using AirisEpm.WebConsole.Dashboards;
using AirisEpm.WebConsole.Dashboards.Grafana;
using CsCheck;

namespace AirisEpm.Console.Tests.Dashboards.Grafana;

/// <summary>
/// Random Grafana dashboards (<see cref="GrafanaJsonGen"/>), and the fixtures with one part replaced, removed or retyped: every import either gives a
/// dashboard the validator accepts, or errors naming where the JSON is not a dashboard. Never an exception.
/// </summary>
public sealed class GrafanaImportPropertyTests
{
    private static readonly DashboardValidator Validator = new();

    [Fact]
    public void Random_dashboards_import_or_are_an_error_never_a_crash() =>
        Gen.Frequency((6, GrafanaJsonGen.Dashboard), (2, GrafanaJsonGen.Dashboard.Select(Wrap)), (1, GrafanaJsonGen.Any))
            .Sample(node => Check(node?.ToJsonString() ?? "null"), iter: 2000);

    [Fact]
    public void Fixtures_with_one_part_replaced_removed_or_retyped_import_or_are_an_error()
    {
        var fixtures = new[] { "rows-schema14", "modern-schema39", "mixed-datasources" }
            .Select(name => File.ReadAllText(Path.Combine(GrafanaFixtures.Folder, name + ".json"))).ToArray();
        Gen.Select(Gen.Int[0, fixtures.Length - 1], Gen.Int[0, 100_000].Array[1, 4], GrafanaJsonGen.Any.Array[4], Gen.Int[0, 2].Array[4])
            .Sample((fixture, picks, replacements, operations) =>
            {
                var root = JsonNode.Parse(fixtures[fixture])!;
                for (var i = 0; i < picks.Length; i++)
                {
                    Mutate(root, picks[i], replacements[i], operations[i]);
                }

                Check(root.ToJsonString());
            }, iter: 1500);
    }

    [Fact]
    public void Fixtures_with_bytes_changed_import_or_are_an_error()
    {
        var fixtures = new[] { "rows-schema14", "modern-schema39", "mixed-datasources" }
            .Select(name => File.ReadAllBytes(Path.Combine(GrafanaFixtures.Folder, name + ".json"))).ToArray();
        Gen.Select(Gen.Int[0, fixtures.Length - 1], Gen.Select(Gen.Int[0, 1 << 20], Gen.Byte).Array[1, 6]).Sample((fixture, edits) =>
        {
            var bytes = (byte[])fixtures[fixture].Clone();
            foreach (var (at, value) in edits) bytes[at % bytes.Length] = value;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(bytes);
            }
            catch (JsonException)
            {
                return; // not JSON any more: the endpoint answers that before the importer runs
            }

            using (document) Check(document.RootElement, "(changed bytes)");
        }, iter: 1500);
    }

    private static void Check(string json)
    {
        using var document = JsonDocument.Parse(json);
        Check(document.RootElement, json);
    }

    private static void Check(JsonElement root, string json)
    {
        var import = GrafanaImporter.Import(root);
        if (import.Dashboard is { } dashboard)
        {
            var result = Validator.Validate(dashboard);
            Assert.True(result.IsValid, string.Join("; ", result.Errors) + "\n" + json);
            Assert.Empty(import.Errors);
        }
        else
        {
            Assert.NotEmpty(import.Errors);
            Assert.All(import.Errors.Values, messages => Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m))));
        }

        Assert.All(import.Unmapped, u => Assert.False(string.IsNullOrWhiteSpace(u.Reason)));
    }

    /// <summary>Replaces (0), removes (1) or wraps in a list (2) the <paramref name="pick"/>-th node of the tree.</summary>
    private static void Mutate(JsonNode root, int pick, JsonNode? replacement, int operation)
    {
        var slots = new List<(JsonNode Parent, object Key)>();
        Collect(root, slots);
        if (slots.Count == 0) return;
        var (parent, key) = slots[pick % slots.Count];
        var current = key is string name ? parent[name] : parent[(int)key];
        switch (operation, parent, key)
        {
            case (1, JsonObject o, string n): o.Remove(n); break;
            case (1, JsonArray a, int i): a.RemoveAt(i); break;
            case (2, _, _): Set(parent, key, new JsonArray(current?.DeepClone())); break;
            default: Set(parent, key, replacement?.DeepClone()); break;
        }
    }

    private static void Set(JsonNode parent, object key, JsonNode? value)
    {
        if (key is string name) parent[name] = value;
        else parent[(int)key] = value;
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    slots.Add((o, name));
                    if (child is not null) Collect(child, slots);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    slots.Add((a, i));
                    if (a[i] is { } child) Collect(child, slots);
                }

                break;
        }
    }

    private static JsonNode? Wrap(JsonNode? node) => new JsonObject { ["dashboard"] = node?.DeepClone() };
}
