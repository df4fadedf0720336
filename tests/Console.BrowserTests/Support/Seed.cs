using System.Net;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.BrowserTests.Support;

/// <summary>What <see cref="Seed"/> wrote: the metric the explorer queries, its jobs, and the alerts that fire.</summary>
public sealed record Seeded(string Metric, IReadOnlyList<string> Jobs, IReadOnlyList<string> AlertNames, string ViewerName, string ViewerPassword);

/// <summary>
/// Real data through the console's own API (so through the sidecars, as the page sends it): two hours of one-minute
/// samples for three jobs written to metrics-service, three alerts posted to alert-service, and a viewer account.
/// </summary>
public static class Seed
{
    public const string Metric = "shop_requests_per_second";

    public static readonly string[] Jobs = ["checkout", "cart", "search"];

    public static readonly string[] AlertNames = ["CheckoutLatencyHigh", "CartErrorsRising", "SearchIndexLagging"];

    public static async Task<Seeded> WriteAsync(Uri console, string adminPassword)
    {
        using var admin = new ConsoleClient(console);
        Ensure(await admin.LoginAsync("admin", adminPassword), "admin sign-in");

        var now = DateTimeOffset.UtcNow;
        var samples = new List<object>();
        for (var job = 0; job < Jobs.Length; job++)
        {
            for (var minute = 120; minute >= 0; minute--)
            {
                // A daily-traffic-like wave per job, so each line on the chart has its own shape.
                var value = Math.Round(40 + (20 * job) + (15 * Math.Sin((minute / 12.0) + job)), 2);
                samples.Add(new
                {
                    name = Metric,
                    value,
                    timestamp = now.AddMinutes(-minute).ToUnixTimeMilliseconds(),
                    labels = new Dictionary<string, string> { ["job"] = Jobs[job], ["env"] = "prod" },
                });
            }
        }

        Ensure(await admin.PostJsonAsync("/api/metrics/api/v1/metrics", new { metrics = samples }), "samples");
        await RouteCriticalToIncidentsAsync(admin);

        var alerts = AlertNames.Select((name, i) => new
        {
            labels = new Dictionary<string, string>
            {
                ["alertname"] = name,
                ["severity"] = i == 0 ? "critical" : "warning",
                ["service"] = Jobs[i],
            },
            annotations = new Dictionary<string, string> { ["summary"] = $"{name} on {Jobs[i]}" },
            startsAt = now.AddMinutes(-10 - i),
            generatorURL = "http://console.test/metrics",
        });
        Ensure(await admin.PostJsonAsync("/api/alerts/api/v2/alerts", alerts), "alerts");

        const string viewer = "vera", viewerPassword = "vera-long-password";
        Ensure(await admin.PostJsonAsync("/api/users", new { name = viewer, role = "viewer", password = viewerPassword }), "viewer account");
        return new Seeded(Metric, Jobs, AlertNames, viewer, viewerPassword);
    }

    /// <summary>
    /// Routing with a short group_wait whose critical route opens an incident under the escalation policy "critical"
    /// (one step, paging by email into the environment's SMTP capture), so the critical alert above becomes an incident.
    /// </summary>
    private static async Task RouteCriticalToIncidentsAsync(ConsoleClient admin)
    {
        const string routing = """
            route:
              receiver: team
              group_by: [alertname, service]
              group_wait: 1s
              group_interval: 1m
              routes:
                - receiver: team
                  matchers: ['severity="critical"']
                  escalation_policy: critical
            receivers:
              - name: team
                email_configs:
                  - to: team@shop.test
              - name: oncall
                email_configs:
                  - to: oncall@shop.test
            """;
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/alerts/api/v1/alerting/config")
        {
            Content = new StringContent(routing, System.Text.Encoding.UTF8, "application/yaml"),
        };
        Ensure(await admin.SendAsync(put), "alert routing");
        Ensure(await admin.PutJsonAsync("/api/alerts/api/v1/escalation-policies/critical", new
        {
            name = "critical",
            steps = new object[] { new { after = "00:00:00", receivers = new[] { "oncall" } } },
        }), "escalation policy");
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
