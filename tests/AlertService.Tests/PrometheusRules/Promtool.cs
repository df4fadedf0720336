using System.Diagnostics;
using System.Text.RegularExpressions;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

/// <summary>Runs Debian's <c>promtool check rules</c> (Prometheus 2.42) on a file and reads its verdict.</summary>
public static partial class Promtool
{
    public const string Path = "/usr/bin/promtool";

    public static bool Installed => File.Exists(Path);

    /// <summary>Exit code 0 (lint warnings such as duplicate rules included) means accepted; the output names what it refused.</summary>
    public static async Task<(bool Accepted, string Output)> CheckRulesAsync(string file)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("check");
        start.ArgumentList.Add("rules");
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var ct = TestContext.Current.CancellationToken;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode == 0, await stdout + await stderr);
    }

    /// <summary>The rules an output names (<c>group "g", rule 2, "name"</c>), in order of first mention.</summary>
    public static IReadOnlyList<string> RulesNamed(string output) =>
        RuleReference().Matches(output).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"group ""(?:[^""\\]|\\.)*"", rule \d+, ""(?:[^""\\]|\\.)*""")]
    private static partial Regex RuleReference();
}
