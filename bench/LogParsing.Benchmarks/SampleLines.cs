using System.Globalization;

namespace AirisEpm.LogParsing.Benchmarks;

/// <summary>
/// Lines of each format with varying values (ids, durations, statuses), generated from a fixed seed,
/// and the LogHub samples, from the folder TestSupport's LogHubSamples finds.
/// </summary>
public static class SampleLines
{
    public const int Count = 2_000;

    public static string[] Synthetic(string format)
    {
        var random = new Random(42);
        var start = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        return Enumerable.Range(0, Count).Select(i => Line(format, random, start.AddMilliseconds(i * 37.5))).ToArray();
    }

    public static string[] LogHub(string dataset) => File.ReadAllLines(Path.Combine(LogHubRoot(), dataset, $"{dataset}_2k.log"));

    private static string Line(string format, Random random, DateTime at)
    {
        var id = random.Next(1, 100_000);
        var ms = random.Next(1, 2_000);
        var level = Levels[random.Next(Levels.Length)];
        var trace = $"{random.NextInt64():x16}{random.NextInt64():x16}";
        var iso = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return format switch
        {
            "json" => $$"""{"timestamp":"{{iso}}","level":"{{level}}","message":"order {{id}} processed in {{ms}} ms","service":"checkout","logger":"app.orders","trace_id":"{{trace}}","span_id":"{{trace[..16]}}","http":{"method":"POST","status_code":200},"user_id":{{id}}}""",
            "logfmt" => $"""time={iso} level={level} msg="order {id} processed" duration={ms}ms user_id={id} trace_id={trace}""",
            "syslog5424" => $"""<165>1 {iso} web-{id % 8} checkout {id} ORDERS [meta@32473 user="{id}" region="eu"] order {id} processed in {ms} ms""",
            "syslog3164" => $"{at.ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture)} web-{id % 8} sshd[{id}]: Accepted publickey for user{id % 50} from 10.0.{id % 255}.{ms % 255} port {ms} ssh2",
            "access" => $"""10.0.{id % 255}.{ms % 255} - - [{at.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture)} +0000] "GET /api/v1/orders/{id}?expand=items HTTP/1.1" {Statuses[id % Statuses.Length]} {ms * 3} "https://shop.example/cart" "Mozilla/5.0 (X11; Linux x86_64) Firefox/121.0" """,
            "log4j" => $"{at.ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture)} [pool-{id % 4}-thread-{ms % 16}] {level.ToUpperInvariant()} com.shop.orders.OrderService - order {id} processed in {ms} ms",
            "spring" => $"{at.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)}  {level.ToUpperInvariant(),5} {id} --- [nio-8080-exec-{ms % 10}] c.shop.orders.OrderController          : order {id} processed in {ms} ms",
            "serilog" => $"[{at.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {level.ToUpperInvariant()[..3]}] Order {id} processed in {ms} ms",
            "python" => $"{at.ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture)} - shop.orders - {level.ToUpperInvariant()} - order {id} processed in {ms} ms",
            "klog" => $"{char.ToUpperInvariant(level[0])}{at.ToString("MMdd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}    {id % 9999} controller.go:{ms % 400}] reconciled pod default/web-{id}",
            "plain" => $"order {id} processed in {ms} ms by worker {ms % 16}, queue depth {id % 100}",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
        };
    }

    private static readonly string[] Levels = ["info", "info", "info", "warn", "error", "debug"];
    private static readonly int[] Statuses = [200, 200, 200, 201, 304, 404, 500];

    private static string LogHubRoot() => AirisEpm.TestSupport.LogHub.LogHubSamples.Directory;
}
