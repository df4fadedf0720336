using System.Diagnostics;
using System.Globalization;

namespace AirisEpm.FirstRun;

/// <summary>
/// <c>dotnet run --project tools/FirstRun -- &lt;checkout&gt; [--timeout-minutes n]</c>: the newcomer's first
/// <c>dapr run -f .</c> without the sidecars. Starts every app command of the checkout's dapr.yaml at the same
/// moment (as the CLI does), polls each app's /healthz until it answers 200, then kills every process tree.
/// Exits 0 when every app answered, 1 (with each failed app's last lines) when one did not, 2 on bad input or
/// when an app port is already taken. /healthz needs no sidecar: it runs no health check.
/// </summary>
public static class FirstRunCommand
{
    /// <summary>Four concurrent first builds (restore included) on a busy 2-core machine take minutes, not seconds.</summary>
    public const double DefaultTimeoutMinutes = 10;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static async Task<int> Main(string[] args)
    {
        var minutes = DefaultTimeoutMinutes;
        if (args.Length is not (1 or 3) || (args.Length == 3 && (args[1] != "--timeout-minutes"
            || !double.TryParse(args[2], NumberStyles.Float, CultureInfo.InvariantCulture, out minutes) || minutes <= 0)))
        {
            await Console.Error.WriteLineAsync("usage: FirstRun <checkout with dapr.yaml> [--timeout-minutes n]");
            return 2;
        }

        var apps = RunFile.Load(Path.Combine(args[0], "dapr.yaml"));
        var busy = apps.Where(app => !Ports.IsFree(app.AppPort)).ToList();
        if (busy.Count > 0)
        {
            foreach (var app in busy)
            {
                await Console.Error.WriteLineAsync($"port {app.AppPort} ({app.AppId}) is already in use: stop whatever listens there and run again.");
            }

            return 2;
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await RunAsync(apps, cancel.Token);
    }

    private static async Task<int> RunAsync(IReadOnlyList<RunApp> apps, CancellationToken cancel)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var processes = new List<AppProcess>();
        var outcomes = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        try
        {
            foreach (var app in apps)
            {
                Console.WriteLine($"==> {app.AppId}: {string.Join(' ', app.Command)} (in {app.Directory})");
                processes.Add(AppProcess.Start(app));
            }

            while (outcomes.Count < apps.Count && !cancel.IsCancellationRequested)
            {
                foreach (var process in processes.Where(p => !outcomes.ContainsKey(p.App.AppId)))
                {
                    if (await AnswersAsync(http, process.App.AppPort, cancel))
                    {
                        outcomes[process.App.AppId] = new(true, $"/healthz answered 200 after {clock.Elapsed.TotalSeconds:F0} s");
                        Console.WriteLine($"==> {process.App.AppId}: {outcomes[process.App.AppId]}");
                    }
                    else if (process.HasExited)
                    {
                        outcomes[process.App.AppId] = new(false, $"exited with code {process.ExitCode} after {clock.Elapsed.TotalSeconds:F0} s");
                        Console.WriteLine($"==> {process.App.AppId}: {outcomes[process.App.AppId]}");
                    }
                }

                await Task.Delay(PollInterval, CancellationToken.None);
            }
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }
        }

        return Report(processes, outcomes, clock.Elapsed);
    }

    private static int Report(List<AppProcess> processes, Dictionary<string, Outcome> outcomes, TimeSpan elapsed)
    {
        var failed = 0;
        foreach (var process in processes)
        {
            var outcome = outcomes.GetValueOrDefault(process.App.AppId) ?? new(false, $"no 200 from /healthz within {elapsed.TotalSeconds:F0} s");
            Console.WriteLine($"{process.App.AppId}: {outcome}");
            if (!outcome.Ok)
            {
                failed++;
                Console.WriteLine($"---- last {AppProcess.TailLines} lines of {process.App.AppId} ----");
                foreach (var line in process.Tail())
                {
                    Console.WriteLine(line);
                }
            }
        }

        Console.WriteLine(failed == 0
            ? $"==> first run: all {processes.Count} apps answered /healthz within {elapsed.TotalSeconds:F0} s"
            : $"==> first run FAILED: {failed} of {processes.Count} apps did not answer /healthz");
        return failed == 0 ? 0 : 1;
    }

    private sealed record Outcome(bool Ok, string Text)
    {
        public override string ToString() => $"{(Ok ? "ok" : "FAILED")}: {Text}";
    }

    private static async Task<bool> AnswersAsync(HttpClient http, int port, CancellationToken cancel)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://localhost:{port}/healthz"), cancel);
            return response.StatusCode == System.Net.HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
