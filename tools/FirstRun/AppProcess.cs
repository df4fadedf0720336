using System.Diagnostics;

namespace AirisEpm.FirstRun;

/// <summary>
/// One app's command, started as the Dapr CLI starts it (in its folder, with its environment), keeping the last
/// lines it printed so a failure can show them. Disposing kills the whole process tree (dotnet run and the app).
/// </summary>
public sealed class AppProcess : IDisposable
{
    public const int TailLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private AppProcess(RunApp app)
    {
        App = app;
        var start = new ProcessStartInfo(app.Command[0])
        {
            WorkingDirectory = app.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in app.Command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in app.Environment)
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    public RunApp App { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static AppProcess Start(RunApp app)
    {
        var process = new AppProcess(app);
        process._process.Start();
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The last <see cref="TailLines"/> lines of stdout and stderr, in the order they arrived.</summary>
    public IReadOnlyList<string> Tail()
    {
        lock (_tail)
        {
            return [.. _tail];
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }
}
