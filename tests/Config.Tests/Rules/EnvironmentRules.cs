using AirisEpm.Config.Tests.Model;
using AirisEpm.ServiceDefaults.Dapr;

namespace AirisEpm.Config.Tests.Rules;

/// <summary>Every component name the code uses (DaprComponents.All) is declared exactly once per environment.</summary>
public static class EnvironmentRules
{
    public static IEnumerable<Finding> Check(ResourceEnvironment environment)
    {
        var byName = environment.Components.GroupBy(c => c.Name ?? "").ToDictionary(g => g.Key, g => g.ToList());
        foreach (var name in DaprComponents.All.Where(name => !byName.ContainsKey(name)))
        {
            yield return new(environment.Folder, "metadata.name", $"no component named '{name}' (the code uses it)");
        }

        foreach (var (name, declared) in byName.Where(pair => pair.Value.Count > 1))
        {
            yield return new(declared[1].File, "metadata.name", $"'{name}' is also declared in {declared[0].File}");
        }
    }
}
