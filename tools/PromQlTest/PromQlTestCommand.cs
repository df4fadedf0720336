using System.Globalization;
using AirisEpm.PromQlTest.Scripts;

namespace AirisEpm.PromQlTest;

/// <summary>
/// <c>dotnet run --project tools/PromQlTest -- [--no-range-mode] [--timeout seconds] &lt;files or folders&gt;...</c> runs
/// Prometheus-style <c>.test</c> scripts (folders searched for <c>*.test</c>) against AIRIS's PromQL engine, prints
/// every failure (<c>file:line: expr</c>, what went wrong, expected and got) and ends with <c>N passed, N failed</c>,
/// counting eval commands. Exit code 0 when all passed, 1 when any failed, 2 for bad arguments.
/// </summary>
public static class PromQlTestCommand
{
    public const string Usage = "usage: PromQlTest [--no-range-mode] [--timeout seconds] <file or folder>...";

    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var options, out var paths, out var problem))
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        IReadOnlyList<string> files;
        try
        {
            files = ScriptFiles.Expand(paths);
        }
        catch (FileNotFoundException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        var (passed, failed) = (0, 0);
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            var report = await ScriptRunner.RunAsync(file, text, EngineTarget.Factory(), options, cancellationToken).ConfigureAwait(false);
            foreach (var failure in report.Failures)
            {
                await output.WriteLineAsync(failure + "\n").ConfigureAwait(false);
            }

            passed += report.Passed;
            failed += report.Failed;
        }

        await output.WriteLineAsync($"{passed} passed, {failed} failed").ConfigureAwait(false);
        return failed == 0 ? 0 : 1;
    }

    private static bool TryParse(IReadOnlyList<string> args, out ScriptRunOptions options, out List<string> paths, out string problem)
    {
        options = ScriptRunOptions.Default;
        paths = [];
        problem = "";
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--no-range-mode":
                    options = options with { CheckRangeMode = false };
                    break;
                case "--timeout":
                    if (i + 1 >= args.Count || !double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                    {
                        problem = "--timeout needs a positive number of seconds";
                        return false;
                    }

                    options = options with { QueryTimeout = TimeSpan.FromSeconds(seconds) };
                    i++;
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        problem = $"unknown option {args[i]}";
                        return false;
                    }

                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count == 0)
        {
            problem = "name at least one .test file or folder";
            return false;
        }

        return true;
    }
}
