using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using AirisEpm.LogService.Storage;

namespace AirisEpm.LogService.Tests.Storage.Lucene;

/// <summary>
/// The store's durability promise against a real kill -9: a child process (tests/LogStoreCrashProbe)
/// appends from 8 writers and prints each acknowledgement; it is killed mid-stream, and every batch it
/// acknowledged must be found when the same folder is opened again.
/// </summary>
public sealed class LuceneCrashTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airis-crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Every_acknowledged_batch_survives_a_kill()
    {
        var ct = TestContext.Current.CancellationToken;
        var baseNs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var acked = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource();
        using var probe = new Process
        {
            StartInfo = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "AirisEpm.LogStoreCrashProbe.dll"), _folder, baseNs.ToString(CultureInfo.InvariantCulture) },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        probe.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "ready")
            {
                ready.TrySetResult();
            }
            else if (e.Data?.StartsWith("ack ", StringComparison.Ordinal) == true)
            {
                var parts = e.Data.Split(' ');
                acked.Enqueue($"{parts[1]}-{parts[2]}");
            }
        };
        probe.Start();
        probe.BeginOutputReadLine();
        _ = probe.StandardError.ReadToEndAsync(ct);

        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        var watch = Stopwatch.StartNew();
        while (acked.Count < 200 && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20, ct);
        }

        probe.Kill(entireProcessTree: true);
        await probe.WaitForExitAsync(ct);
        var batches = acked.ToList();
        Assert.True(batches.Count >= 20, $"the probe acknowledged only {batches.Count} batches");
        Assert.True(Directory.GetFiles(Path.Combine(_folder, "wal")).Sum(f => new FileInfo(f).Length) > 0, "the acknowledged batches should be in the WAL only");

        using var store = LuceneLogStoreTests.Open(_folder);
        await store.InitializeAsync(ct);
        var window = new LogQuery(null, baseNs, baseNs + 3_600_000_000_000, Limit: 0);
        var missing = new List<string>();
        foreach (var batch in batches)
        {
            var found = await store.SearchAsync(window with { Text = $"fields.batch:\"{batch}\"" }, ct);
            if (found.Total != 25)
            {
                missing.Add($"{batch} ({found.Total} of 25)");
            }
        }

        Assert.Empty(missing);
        Assert.InRange((await store.SearchAsync(window, ct)).Total, Math.Min(batches.Count * 25, LogQueryLimits.ExactTotal), LogQueryLimits.ExactTotal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
