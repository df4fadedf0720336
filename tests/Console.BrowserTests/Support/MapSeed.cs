using System.Globalization;
using System.Net;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.BrowserTests.Support;

/// <summary>
/// Traces for the service map, in Zipkin v2 JSON through the console's proxy to trace-service, in two windows of 40
/// minutes: the hour before last (the baseline) and the last hour. Every request goes frontend → checkout → payments,
/// checkout writes to postgresql/orders and payments publishes to kafka/payments (uninstrumented peers: a database and a
/// queue). Between the windows payments' error rate rises from 1 in 30 to 12 in 30 and its latency doubles; checkout
/// stops calling inventory (a vanished edge) and starts calling fraud (a new one). Plus a critical alert on payments,
/// which fails first, beside <see cref="Seed"/>'s on checkout, under the escalation policy <see cref="Seed"/> sets for the
/// critical route: the two correlate into one incident whose root cause is payments.
/// </summary>
public static class MapSeed
{
    public const string RootCause = "payments";
    public const string RisingEdgeFrom = "checkout", RisingEdgeTo = "payments", NewEdgeTo = "fraud", VanishedEdgeTo = "inventory";
    public const string PaymentsAlert = "PaymentsErrorsHigh";
    private const int TracesPerWindow = 30;

    public static async Task WriteAsync(Uri console, string adminPassword)
    {
        using var admin = new ConsoleClient(console);
        if (!(await admin.LoginAsync("admin", adminPassword)).IsSuccessStatusCode) throw new InvalidOperationException("map seed: admin sign-in failed");

        var now = DateTimeOffset.UtcNow;
        var spans = new List<object>();
        for (var i = 0; i < TracesPerWindow; i++)
        {
            // Baseline: now-100 min … now-61 min; current: now-40 min … now-1 min, one request every 80 s.
            spans.AddRange(Request(now.AddMinutes(-100).AddSeconds(i * 80), baseline: true, failing: i == 7, seed: i));
            spans.AddRange(Request(now.AddMinutes(-40).AddSeconds(i * 80), baseline: false, failing: i % 5 < 2, seed: 100 + i));
        }

        await EnsureAsync(admin.PostJsonAsync("/api/traces/api/v2/spans", spans), "spans");

        var alert = new
        {
            labels = new Dictionary<string, string> { ["alertname"] = PaymentsAlert, ["severity"] = "critical", ["service"] = RootCause },
            annotations = new Dictionary<string, string> { ["summary"] = "payments answers 40% errors" },
            startsAt = now.AddMinutes(-12),
        };
        await EnsureAsync(admin.PostJsonAsync("/api/alerts/api/v2/alerts", new[] { alert }), "payments alert");
    }

    /// <summary>More of the current window's traffic, now: span metrics are cumulative, so rates need counts that grow between writes.</summary>
    public static async Task WriteLiveTrafficAsync(Uri console, string adminPassword, int requests = 20)
    {
        using var admin = new ConsoleClient(console);
        if (!(await admin.LoginAsync("admin", adminPassword)).IsSuccessStatusCode) throw new InvalidOperationException("map seed: admin sign-in failed");
        var now = DateTimeOffset.UtcNow;
        var spans = Enumerable.Range(0, requests).SelectMany(i => Request(now.AddSeconds(-i), baseline: false, failing: i % 5 < 2, seed: 1000 + i + (int)(now.ToUnixTimeSeconds() % 100_000) * 100)).ToList();
        await EnsureAsync(admin.PostJsonAsync("/api/traces/api/v2/spans", spans), "live spans");
    }

    private static IEnumerable<object> Request(DateTimeOffset start, bool baseline, bool failing, int seed)
    {
        // A prefix of its own, so these traces never collide with other seeds'.
        var traceId = "3a9" + Hex(seed + 1, 29);
        var id = 0;
        string Next() => Hex((seed * 16) + ++id, 16);
        var t = start.ToUnixTimeMilliseconds() * 1000;
        var paymentsMs = (baseline ? 40 : 90) + (seed % 7);

        var root = Next();
        yield return Span(traceId, root, null, "frontend", "GET /checkout", "SERVER", t, 20_000 + (paymentsMs * 1000));
        var toCheckout = Next();
        yield return Span(traceId, toCheckout, root, "frontend", "POST /checkout", "CLIENT", t + 500, 18_000 + (paymentsMs * 1000));
        var checkout = Next();
        yield return Span(traceId, checkout, toCheckout, "checkout", "POST /checkout", "SERVER", t + 700, 17_000 + (paymentsMs * 1000));
        var toPayments = Next();
        yield return Span(traceId, toPayments, checkout, "checkout", "POST /charge", "CLIENT", t + 1_000, (paymentsMs * 1000) + 400);
        var payments = Next();
        yield return Span(traceId, payments, toPayments, "payments", "POST /charge", "SERVER", t + 1_200, paymentsMs * 1000,
            failing ? new Dictionary<string, string> { ["error"] = "card processor timed out" } : null);
        yield return Span(traceId, Next(), payments, "payments", "payments publish", "PRODUCER", t + 2_000, 1_500,
            new Dictionary<string, string> { ["messaging.system"] = "kafka", ["messaging.destination.name"] = "payments" });
        yield return Span(traceId, Next(), checkout, "checkout", "INSERT orders", "CLIENT", t + (paymentsMs * 1000) + 2_000, 3_000,
            new Dictionary<string, string> { ["db.system"] = "postgresql", ["db.namespace"] = "orders" });
        var peer = baseline ? VanishedEdgeTo : NewEdgeTo;
        var operation = baseline ? "GET /stock" : "POST /score";
        var toPeer = Next();
        yield return Span(traceId, toPeer, checkout, "checkout", operation, "CLIENT", t + (paymentsMs * 1000) + 6_000, 8_000);
        yield return Span(traceId, Next(), toPeer, peer, operation, "SERVER", t + (paymentsMs * 1000) + 6_200, 7_500);
    }

    private static object Span(string traceId, string id, string? parentId, string service, string name, string kind, long timestampUs, long durationUs,
        Dictionary<string, string>? tags = null) => new
    {
        traceId,
        id,
        parentId,
        name,
        kind,
        timestamp = timestampUs,
        duration = durationUs,
        localEndpoint = new { serviceName = service },
        tags = tags ?? [],
    };

    private static string Hex(long value, int digits) => value.ToString("x", CultureInfo.InvariantCulture).PadLeft(digits, '0')[^digits..];

    private static async Task EnsureAsync(Task<HttpResponseMessage> call, string what)
    {
        using var response = await call;
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync();
        throw new InvalidOperationException($"Map seed: {what} failed: {(int)response.StatusCode} {(HttpStatusCode)response.StatusCode} {body}");
    }
}
