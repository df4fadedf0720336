using System.Globalization;
using AirisEpm.LogService.Domain;
using AirisEpm.LogService.Storage;
using AirisEpm.LogService.Storage.Lucene;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogStoreCrashProbe;

/// <summary>
/// Appends to a Lucene log store until killed, for the crash test: 8 writers each append batches of
/// 25 records (ids w{writer}-{batch}-{n}) and print "ack {writer} {batch}" once AppendAsync returns.
/// Commits are pushed out of reach (1 hour, 1 GiB) so the acknowledged records live only in the WAL.
/// Usage: dotnet AirisEpm.LogStoreCrashProbe.dll {data folder} {base timestamp in Unix ns}
/// </summary>
internal static class CrashProbe
{
    public static async Task Main(string[] args)
    {
        var folder = args[0];
        var baseNs = long.Parse(args[1], CultureInfo.InvariantCulture);
        var options = new LogStoreOptions { CommitInterval = TimeSpan.FromHours(1), MaxWalBytes = 1L << 30 };
        var store = new LuceneLogStore(Options.Create(options), folder);
        await store.InitializeAsync(CancellationToken.None);
        Console.WriteLine("ready");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var batch = 0; ; batch++)
            {
                var records = Enumerable.Range(0, 25).Select(n => new LogRecord(
                    $"w{writer}-{batch}-{n}", baseNs + (batch * 1_000_000L) + n, Severity.Info, $"crash probe writer{writer} batch{batch}", "probe", null, null,
                    new Dictionary<string, string>(), new Dictionary<string, string> { ["batch"] = $"{writer}-{batch}" })).ToList();
                await store.AppendAsync(records, CancellationToken.None);
                Console.WriteLine($"ack {writer} {batch}");
            }
        })));
    }
}
