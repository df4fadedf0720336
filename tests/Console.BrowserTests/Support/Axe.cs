using System.Text.Json;
using AirisEpm.DaprTestSidecar.Hosting;
using Microsoft.Playwright;

namespace AirisEpm.Console.BrowserTests.Support;

/// <summary>axe-core (the page's own npm dev dependency) injected into the live page; serious and critical violations fail.</summary>
public static class Axe
{
    private static readonly string ScriptPath =
        System.IO.Path.Combine(RepositoryPaths.Root, "services", "Console", "web", "node_modules", "axe-core", "axe.min.js");

    private const string Run = """
        async () => {
          const result = await axe.run(document, { resultTypes: ["violations"] });
          return result.violations
            .filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")})`);
        }
        """;

    public static async Task AssertAccessibleAsync(IPage page, string screen)
    {
        Assert.True(File.Exists(ScriptPath), $"{ScriptPath} is missing: npm ci in services/Console/web installs axe-core.");
        if (await page.EvaluateAsync<bool>("() => typeof axe === 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath });
        }

        var violations = await page.EvaluateAsync<JsonElement>(Run);
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(list.Count == 0, $"axe-core on {screen}: " + string.Join(Environment.NewLine, list));
    }
}
