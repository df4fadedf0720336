using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using AirisEpm.Benchmarks;

namespace AirisEpm.TraceIngest.Benchmarks;

/// <summary>
/// The server side of the benchmark in a process of its own (<see cref="BenchServer"/>): this benchmark's assembly run
/// again with <c>serve</c>, under trace-service's own runtime configuration (<c>AirisEpm.TraceService.runtimeconfig.json</c>
/// beside it: the service's garbage collector settings, not this console's), so its resident memory, CPU time and
/// collections are the service's alone. <c>BENCH_SERVICE_ENV="NAME=value;NAME=value"</c> adds to its environment only
/// (runtime knobs such as <c>DOTNET_GCgen0size</c>, service settings such as <c>Traces__Store__DuckDb__MemoryLimit</c>).
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _answers = Channel.CreateUnbounded<string>();

    private ServerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) _answers.Writer.TryComplete();
            else if (e.Data.StartsWith(BenchServer.Prefix, StringComparison.Ordinal)) _answers.Writer.TryWrite(e.Data[BenchServer.Prefix.Length..]);
            else Echo(e.Data);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Echo(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    public Uri Address { get; private set; } = null!;

    /// <summary>What the server said of itself at start: its store and its garbage collector's settings.</summary>
    public string Description { get; private set; } = "";

    public static async Task<ServerProcess> StartAsync(bool duckDb, bool graph)
    {
        var folder = AppContext.BaseDirectory;
        var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "exec", "--runtimeconfig", Path.Combine(folder, "AirisEpm.TraceService.runtimeconfig.json"),
                Path.Combine(folder, "AirisEpm.TraceIngest.Benchmarks.dll"), "serve", duckDb ? "duckdb" : "discard", graph ? "graph=on" : "graph=off",
            },
        };
        foreach (var (name, value) in BenchServiceEnvironment.Pairs())
        {
            start.Environment[name] = value;
        }

        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("the benchmark's server process did not start"));
        var hello = await server.NextAnswerAsync(TimeSpan.FromSeconds(60));
        const string Listening = "listening ";
        if (!hello.StartsWith(Listening, StringComparison.Ordinal)) throw new InvalidOperationException($"the server said {hello}");
        var address = hello[Listening.Length..hello.IndexOf(' ', Listening.Length)];
        (server.Address, server.Description) = (new Uri(address), hello[(Listening.Length + address.Length + 1)..]);
        return server;
    }

    /// <summary>Sends <c>stats</c>, <c>settle</c> or <c>collect</c> and returns the server's answer.</summary>
    public async Task<ServerStats> AskAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        var answer = await NextAnswerAsync(TimeSpan.FromMinutes(10));
        return JsonSerializer.Deserialize<ServerStats>(answer) ?? throw new InvalidDataException($"the server answered {answer}");
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close(); // the server stops: its store applies what is left and its folder is deleted
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    /// <summary>The server's own log lines go to standard error, without their stack frames (its failed span-metrics publishing repeats one every 15 s: there is no sidecar).</summary>
    private static void Echo(string line)
    {
        var trimmed = line.TrimStart();
        if (!trimmed.StartsWith("at ", StringComparison.Ordinal) && !trimmed.StartsWith("---", StringComparison.Ordinal)) Console.Error.WriteLine($"server: {line}");
    }

    private async Task<string> NextAnswerAsync(TimeSpan wait)
    {
        using var patience = new CancellationTokenSource(wait);
        try
        {
            return await _answers.Reader.ReadAsync(patience.Token);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"the server process exited ({(_process.HasExited ? _process.ExitCode : -1)}) before answering");
        }
    }
}
