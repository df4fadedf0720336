using System.Net;
using AirisEpm.TestSupport;
using AirisEpm.TestSupport.LogHub;

namespace AirisEpm.Console.BrowserTests.Support;

/// <summary>What <see cref="LogsSeed"/> wrote: how many records per service, and the trace id some sshd records carry.</summary>
public sealed record SeededLogs(int Sshd, int Apache, string TraceId, string TracedMessage);

/// <summary>
/// Real LogHub lines (OpenSSH and Apache 2k samples: their Content, Apache's own level, sshd's lines at info, as sshd
/// logs them) posted to log-service through the console's proxy, spread over the last 50 minutes so the explorer's
/// default hour holds them all. Every 40th sshd line carries one trace id, for the link to the trace view.
/// </summary>
public static class LogsSeed
{
    public const int PerService = 300;
    public const string TraceId = "5b8efff798038103d269b633813fc60c";

    public static async Task<SeededLogs> WriteAsync(Uri console, string adminPassword)
    {
        using var admin = new ConsoleClient(console);
        Ensure(await admin.LoginAsync("admin", adminPassword), "admin sign-in");
        var now = DateTimeOffset.UtcNow;
        var sshd = Rows("OpenSSH").Take(PerService).ToList();
        var apache = Rows("Apache").Take(PerService).ToList();
        var step = TimeSpan.FromMinutes(50) / (sshd.Count + apache.Count);
        var records = new List<object>();
        string? traced = null;
        for (var i = 0; i < Math.Max(sshd.Count, apache.Count); i++)
        {
            if (i < sshd.Count)
            {
                var row = sshd[i];
                var withTrace = i % 40 == 7;
                if (withTrace) traced ??= row["Content"];
                records.Add(Record(now - (step * (records.Count + 1)), "info", row["Content"], "sshd", row["Component"], withTrace ? TraceId : null, row["Pid"]));
            }

            if (i < apache.Count)
            {
                var row = apache[i];
                records.Add(Record(now - (step * (records.Count + 1)), row["Level"] == "notice" ? "info" : row["Level"], row["Content"], "apache", "web01", null, null));
            }
        }

        Ensure(await admin.PostJsonAsync("/api/logs/api/v1/logs", records), "LogHub records");
        await WaitUntilSearchableAsync(admin, sshd.Count + apache.Count);
        return new SeededLogs(sshd.Count, apache.Count, TraceId, traced!);
    }

    private static object Record(DateTimeOffset at, string level, string message, string service, string host, string? traceId, string? pid) => new Dictionary<string, object?>
    {
        ["timestamp"] = at,
        ["level"] = level,
        ["message"] = message,
        ["service"] = service,
        ["labels"] = new Dictionary<string, string> { ["host"] = host },
        ["trace_id"] = traceId,
        ["pid"] = pid,
    }.Where(p => p.Value is not null).ToDictionary();

    private static IEnumerable<Dictionary<string, string>> Rows(string dataset)
    {
        var path = Path.Combine(LogHubSamples.Directory, dataset, $"{dataset}_2k.log_structured.csv");
        using var reader = new StreamReader(path);
        string[]? header = null;
        foreach (var row in CsvRecords.Parse(reader))
        {
            if (header is null)
            {
                header = row;
                continue;
            }

            yield return header.Zip(row).ToDictionary(p => p.First, p => p.Second);
        }
    }

    /// <summary>The index refreshes on its own schedule: wait until a search sees every record.</summary>
    private static async Task WaitUntilSearchableAsync(ConsoleClient admin, int expected)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var response = await admin.GetAsync("/api/logs/api/v1/logs/search?limit=1");
            if (response.IsSuccessStatusCode && (await ConsoleClient.JsonAsync(response)).GetProperty("total").GetInt64() >= expected) return;
            await Task.Delay(200, ConsoleClient.Ct);
        }

        throw new InvalidOperationException($"log-service did not make the {expected} seeded records searchable within 20 s");
    }

    private static void Ensure(HttpResponseMessage response, string what)
    {
        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            throw new InvalidOperationException($"Seeding {what} failed: {(int)response.StatusCode} {(HttpStatusCode)response.StatusCode} {body}");
        }
    }
}
