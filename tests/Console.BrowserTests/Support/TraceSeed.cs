using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AirisEpm.TestSupport;

namespace AirisEpm.Console.BrowserTests.Support;

/// <summary>A seeded trace: its id, root, start (Unix µs) and duration (µs), and its spans' ids by name.</summary>
public sealed record SeededTrace(string TraceId, string RootService, string RootOperation, long StartUs, long DurationUs, IReadOnlyDictionary<string, string> SpanIds);

/// <summary>What <see cref="TraceSeed"/> wrote: the shop's traces (one slow, one failing, the rest ordinary) and one 10,000-span trace.</summary>
public sealed record SeededTraces(
    IReadOnlyList<SeededTrace> Shop, SeededTrace Slow, SeededTrace Failing, SeededTrace Huge, IReadOnlyList<string> SlowTraceLogs);

/// <summary>
/// Multi-service traces through the console to trace-service's Zipkin endpoint (what daprd sends) and their logs to
/// log-service, the way the shop's services would emit them: storefront → orders → billing (the slow one waits 2.4 s on
/// the payment gateway) and stock in parallel; storefront → cart → redis (the failing one); and a batch import of
/// 10,000 spans. Waits until both services answer with what was written.
/// </summary>
public static class TraceSeed
{
    public const string HugeSpanCount = "10000";
    private static int _ids;

    public static async Task<SeededTraces> WriteAsync(Uri console, string adminPassword)
    {
        using var admin = new ConsoleClient(console);
        Ensure(await admin.LoginAsync("admin", adminPassword), "admin sign-in");
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
        var spans = new List<object>();
        var logs = new List<object>();
        var shop = new List<SeededTrace>();
        for (var i = 0; i < 14; i++)
        {
            // Ordinary checkouts every two minutes, 60–180 ms.
            shop.Add(Checkout(spans, logs, now - ((40 - (i * 2)) * 60_000_000L), paymentUs: 30_000 + (i % 5 * 20_000), slow: false));
        }

        var slow = Checkout(spans, logs, now - (20 * 60_000_000L) + 30_000_000, paymentUs: 2_400_000, slow: true);
        var failing = Cart(spans, logs, now - (12 * 60_000_000L));
        shop.Add(slow);
        shop.Add(failing);
        var huge = BatchImport(spans, now - (30 * 60_000_000L));

        // The console takes request bodies up to 1 MiB: about 1,500 of these spans a request.
        foreach (var batch in spans.Chunk(1_500))
        {
            Ensure(await admin.PostJsonAsync("/api/traces/api/v2/spans", batch), "Zipkin spans");
        }

        Ensure(await admin.PostJsonAsync("/api/logs/api/v1/logs", logs), "trace logs");
        await WaitForAsync(admin, $"/api/traces/api/v1/traces/{huge.TraceId}", d => d.GetProperty("spanCount").GetInt32() == 10_000, "the 10,000-span trace");
        await WaitForAsync(admin, $"/api/traces/api/v1/traces/{slow.TraceId}", d => d.GetProperty("spanCount").GetInt32() == 6, "the slow trace");
        await WaitForAsync(admin, $"/api/logs/api/v1/logs/search?trace_id={slow.TraceId}&start={(now / 1000) - 3_600_000}",
            d => d.GetProperty("records").GetArrayLength() == 4, "the slow trace's logs");
        return new SeededTraces(shop, slow, failing, huge, SlowLogMessages);
    }

    private static readonly string[] SlowLogMessages =
    [
        "checkout started for cart 4711",
        "payment gateway slow to answer, retrying once",
        "payment authorised after retry",
        "order 4711 placed",
    ];

    /// <summary>storefront GET /checkout → orders POST /api/orders → (billing charge → gateway call) ∥ (stock reserve).</summary>
    private static SeededTrace Checkout(List<object> spans, List<object> logs, long startUs, long paymentUs, bool slow)
    {
        var trace = NewTraceId();
        var (root, order, payment, gateway, inventory, db) = (NewSpanId(), NewSpanId(), NewSpanId(), NewSpanId(), NewSpanId(), NewSpanId());
        var orderStart = startUs + 4_000;
        var paymentStart = orderStart + 6_000;
        var paymentEnd = paymentStart + paymentUs;
        var orderEnd = paymentEnd + 12_000;
        var end = orderEnd + 3_000;
        spans.Add(Zipkin(trace, root, null, "storefront", "GET /checkout", "SERVER", startUs, end - startUs, new() { ["http.method"] = "GET", ["http.route"] = "/checkout", ["http.status_code"] = "200" }));
        spans.Add(Zipkin(trace, order, root, "orders", "POST /api/orders", "SERVER", orderStart, orderEnd - orderStart, new() { ["http.method"] = "POST", ["http.status_code"] = "201" }));
        spans.Add(Zipkin(trace, payment, order, "billing", "charge card", "SERVER", paymentStart, paymentUs, new() { ["payment.provider"] = "acme-pay", ["payment.retries"] = slow ? "1" : "0" }));
        spans.Add(Zipkin(trace, gateway, payment, "billing", "POST acme-pay /v1/charges", "CLIENT", paymentStart + 2_000, paymentUs - 4_000, new() { ["peer.service"] = "acme-pay", ["http.status_code"] = "200" }));
        spans.Add(Zipkin(trace, inventory, order, "stock", "reserve items", "SERVER", paymentStart, 18_000, new() { ["items"] = "3" }));
        spans.Add(Zipkin(trace, db, inventory, "stock", "UPDATE stock", "CLIENT", paymentStart + 2_000, 12_000, new() { ["db.system"] = "postgresql", ["db.statement"] = "UPDATE stock SET reserved = reserved + $1 WHERE sku = $2" }));
        if (slow)
        {
            logs.Add(Log(startUs + 5_000, "info", "orders", trace, order, SlowLogMessages[0]));
            logs.Add(Log(paymentStart + 900_000, "warn", "billing", trace, gateway, SlowLogMessages[1]));
            logs.Add(Log(paymentEnd - 1_000, "info", "billing", trace, payment, SlowLogMessages[2]));
            logs.Add(Log(orderEnd - 500, "info", "orders", trace, order, SlowLogMessages[3]));
        }

        return new SeededTrace(trace, "storefront", "GET /checkout", startUs, end - startUs, new Dictionary<string, string>
        {
            ["GET /checkout"] = root, ["POST /api/orders"] = order, ["charge card"] = payment, ["POST acme-pay /v1/charges"] = gateway,
            ["reserve items"] = inventory, ["UPDATE stock"] = db,
        });
    }

    /// <summary>storefront GET /cart → cart GET /api/cart → redis GET, which times out: the trace with an error.</summary>
    private static SeededTrace Cart(List<object> spans, List<object> logs, long startUs)
    {
        var trace = NewTraceId();
        var (root, cart, redis) = (NewSpanId(), NewSpanId(), NewSpanId());
        spans.Add(Zipkin(trace, root, null, "storefront", "GET /cart", "SERVER", startUs, 260_000, new() { ["http.status_code"] = "500", ["error"] = "upstream failed" }));
        spans.Add(Zipkin(trace, cart, root, "cart", "GET /api/cart", "SERVER", startUs + 5_000, 250_000, new() { ["http.status_code"] = "500", ["error"] = "cache unavailable" }));
        spans.Add(Zipkin(trace, redis, cart, "cart", "redis GET", "CLIENT", startUs + 8_000, 240_000, new() { ["db.system"] = "redis", ["error"] = "timeout after 240ms" }));
        logs.Add(Log(startUs + 250_000, "error", "cart", trace, redis, "redis GET cart:4711 timed out after 240ms"));
        return new SeededTrace(trace, "storefront", "GET /cart", startUs, 260_000, new Dictionary<string, string> { ["GET /cart"] = root, ["GET /api/cart"] = cart, ["redis GET"] = redis });
    }

    /// <summary>A nightly import: one root, 99 files, 100 rows under each, 10,000 spans over two services and 900 ms.</summary>
    private static SeededTrace BatchImport(List<object> spans, long startUs)
    {
        var trace = NewTraceId();
        var root = NewSpanId();
        spans.Add(Zipkin(trace, root, null, "batch-importer", "nightly import", "SERVER", startUs, 900_000, new() { ["files"] = "99" }));
        for (var file = 0; file < 99; file++)
        {
            var fileSpan = NewSpanId();
            var fileStart = startUs + 1_000 + (file * 9_000);
            spans.Add(Zipkin(trace, fileSpan, root, "batch-importer", $"import file {file:D2}", null, fileStart, 8_900, new() { ["file"] = $"orders-{file:D2}.csv" }));
            for (var row = 0; row < 100; row++)
            {
                // The last file has one row fewer: 1 + 99 + 99·100 − 1 + 1 = 10,000 spans in all.
                if (file == 98 && row == 99) break;
                spans.Add(Zipkin(trace, NewSpanId(), fileSpan, "warehouse-db", "INSERT order_row", "CLIENT", fileStart + 50 + (row * 88), 80,
                    new() { ["db.system"] = "postgresql", ["row"] = row.ToString(CultureInfo.InvariantCulture) }));
            }
        }

        spans.Add(Zipkin(trace, NewSpanId(), root, "batch-importer", "commit", null, startUs + 892_000, 7_000, []));
        return new SeededTrace(trace, "batch-importer", "nightly import", startUs, 900_000, new Dictionary<string, string> { ["nightly import"] = root });
    }

    private static object Zipkin(string trace, string id, string? parent, string service, string name, string? kind, long startUs, long durationUs, Dictionary<string, string> tags) => new
    {
        traceId = trace,
        id,
        parentId = parent,
        name,
        kind,
        timestamp = startUs,
        duration = durationUs,
        localEndpoint = new { serviceName = service },
        tags,
    };

    private static object Log(long atUs, string level, string service, string trace, string span, string message) => new
    {
        timestamp = DateTimeOffset.FromUnixTimeMilliseconds(atUs / 1000).ToString("O", CultureInfo.InvariantCulture),
        level,
        service,
        traceId = trace,
        spanId = span,
        message,
    };

    private static string NewTraceId() => Guid.NewGuid().ToString("N");

    private static string NewSpanId() => (0x1000_0000_0000_0000L + Interlocked.Increment(ref _ids)).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Both services acknowledge once durable; searches see the data once indexed, so poll (at most 20 s).</summary>
    private static async Task WaitForAsync(ConsoleClient admin, string path, Func<JsonElement, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            using var response = await admin.GetAsync(path);
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ConsoleClient.Ct)}";
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ConsoleClient.Ct));
                if (done(document.RootElement)) return;
            }

            await Task.Delay(250, ConsoleClient.Ct);
        }

        throw new InvalidOperationException($"{what} did not become readable at {path}: {(last.Length > 300 ? last[..300] : last)}");
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
