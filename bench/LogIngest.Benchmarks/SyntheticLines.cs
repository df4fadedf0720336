namespace AirisEpm.LogIngest.Benchmarks;

/// <summary>
/// Deterministic log lines: ten message shapes (access lines, connection errors, timeouts, logins, cache misses,
/// exceptions) over five services, so the pattern miner sees a realistic few templates with varying values.
/// </summary>
internal static class SyntheticLines
{
    public static readonly string[] Services = ["checkout", "payments", "catalog", "auth", "gateway"];

    public static (string Level, string Service, string Message) Make(int i)
    {
        var random = new Random(i);
        var service = Services[i % Services.Length];
        var (level, message) = (i % 10) switch
        {
            0 => ("error", $"Connection refused by upstream 10.0.{random.Next(256)}.{random.Next(256)}:5432 after {random.Next(1, 5)} retries"),
            1 => ("warn", $"Timeout after {random.Next(100, 5000)}ms calling payment-service /v1/charge"),
            2 => ("info", $"user {random.Next(100_000)} logged in from 192.168.{random.Next(256)}.{random.Next(256)}"),
            3 => ("debug", $"cache miss for key order:{random.Next(1_000_000)} in region eu-west-1"),
            4 => ("error", $"NullReferenceException in OrderService.Place for order {random.Next(1_000_000)}"),
            _ => ("info", $"GET /api/v1/orders/{random.Next(1_000_000)} {(random.Next(20) == 0 ? 500 : 200)} in {random.Next(1, 900)}ms"),
        };
        return (level, service, message);
    }
}
