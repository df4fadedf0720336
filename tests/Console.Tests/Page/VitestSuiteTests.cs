using System.Text.Json;
using AirisEpm.DaprTestSidecar.Hosting;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.Tests.Page;

/// <summary>
/// The page's component tests (Vitest, services/Console/web) as part of `dotnet test`, so the README's one test command
/// runs them: `vitest run` with its JSON reporter, failing with the name and message of every failed Vitest test.
/// Console.csproj's build has installed node_modules (npm ci) before this runs.
/// </summary>
public sealed class VitestSuiteTests(ITestOutputHelper output)
{
    private static readonly string WebRoot = Path.Combine(RepositoryPaths.Root, "services", "Console", "web");

    [Fact]
    public async Task The_page_component_tests_pass_in_vitest()
    {
        var report = Path.Combine(Path.GetTempPath(), "airis-vitest-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var (exitCode, log) = await ToolProcess.RunAsync(WebRoot, "npx", $"vitest run --reporter=json --outputFile={report}");
            Assert.True(File.Exists(report), $"vitest wrote no report (exit {exitCode}): {log}");

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken));
            var root = json.RootElement;
            var failed = root.GetProperty("testResults").EnumerateArray()
                .SelectMany(file => FailuresOf(file))
                .ToList();
            var passed = root.GetProperty("numPassedTests").GetInt32();
            var total = root.GetProperty("numTotalTests").GetInt32();
            output.WriteLine($"vitest: {passed} passed, {root.GetProperty("numFailedTests").GetInt32()} failed of {total}");

            Assert.True(failed.Count == 0, "failing Vitest tests:" + Environment.NewLine + string.Join(Environment.NewLine, failed));
            Assert.True(root.GetProperty("success").GetBoolean(), $"vitest reported no success (exit {exitCode}), e.g. a file failed to load: {log}");
            Assert.True(passed > 0, "vitest ran no test");
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static IEnumerable<string> FailuresOf(JsonElement file)
    {
        var path = Path.GetRelativePath(WebRoot, file.GetProperty("name").GetString()!);
        var tests = file.GetProperty("assertionResults").EnumerateArray()
            .Where(t => t.GetProperty("status").GetString() == "failed")
            .Select(t => $"{path} › {t.GetProperty("fullName").GetString()}: " +
                         string.Join(" ", t.GetProperty("failureMessages").EnumerateArray().Select(m => FirstLine(m.GetString()))))
            .ToList();
        // A file that failed to load has no assertion results, only its message.
        if (tests.Count == 0 && file.GetProperty("status").GetString() == "failed")
        {
            tests.Add($"{path}: {FirstLine(file.TryGetProperty("message", out var m) ? m.GetString() : "failed")}");
        }

        return tests;
    }

    private static string FirstLine(string? text) => (text ?? "").Split('\n', 2)[0].Trim();
}
