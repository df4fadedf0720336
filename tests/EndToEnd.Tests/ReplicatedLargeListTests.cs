using System.Net;
using AirisEpm.ServiceDefaults.Security;

namespace AirisEpm.EndToEnd.Tests;

/// <summary>
/// Lists too big for one message between sidecars (over 4 MiB) still reach a replica that does not
/// host the engine: the gateway reads them from the engine actor a page at a time.
/// </summary>
public sealed class ReplicatedLargeListTests(ReplicatedAlertServiceFixture replicas) : IClassFixture<ReplicatedAlertServiceFixture>
{
    private const int Total = 15_000;

    [Fact]
    public async Task Every_replica_lists_all_of_fifteen_thousand_alerts_and_their_groups()
    {
        var writer = replicas.First.Client(Permissions.AlertsWrite);
        await Parallel.ForAsync(0, Total / 100, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Http.Ct }, async (b, _) =>
        {
            var batch = Enumerable.Range(b * 100, 100).Select(i => new
            {
                labels = new Dictionary<string, string> { ["alertname"] = $"Big{i % 3}", ["instance"] = $"host-{i}.example.internal:9100" },
                annotations = new Dictionary<string, string> { ["summary"] = $"alert {i}: a summary of the usual length for a page" },
            });
            Assert.Equal(HttpStatusCode.OK, (await writer.PostJsonAsync("/api/v2/alerts", batch)).StatusCode);
        });

        foreach (var replica in new[] { replicas.First, replicas.Second })
        {
            var reader = replica.Client(Permissions.AlertsRead);
            var alerts = await (await reader.GetAsync("/api/v2/alerts", Http.Ct)).JsonAsync();
            var groups = await (await reader.GetAsync("/api/v2/alerts/groups", Http.Ct)).JsonAsync();

            Assert.Equal(Total, alerts.GetArrayLength());
            Assert.Equal(Total, alerts.EnumerateArray().Select(a => a.GetProperty("fingerprint").GetString()).Distinct().Count());
            Assert.Equal(3, groups.GetArrayLength());
            Assert.Equal(Total, groups.EnumerateArray().Sum(g => g.GetProperty("alerts").GetArrayLength()));
        }
    }
}
