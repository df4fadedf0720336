using System.Diagnostics;

namespace AirisEpm.TestSupport;

/// <summary>Runs a command-line tool (npx, say) to its end, with its output kept for the failure message.</summary>
public static class ToolProcess
{
    /// <summary>The exit code and the last 4,000 characters of stdout then stderr.</summary>
    public static async Task<(int ExitCode, string Log)> RunAsync(string workingDirectory, string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CI"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var log = (await stdout) + (await stderr);
        return (process.ExitCode, log.Length > 4000 ? log[^4000..] : log);
    }
}
