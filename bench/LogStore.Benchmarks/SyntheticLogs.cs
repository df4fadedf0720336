using AirisEpm.LogService.Domain;

namespace AirisEpm.LogStore.Benchmarks;

/// <summary>
/// Deterministic synthetic log records: ten message shapes seen in real services (HTTP access lines,
/// connection errors, timeouts, logins, cache misses, exceptions), five services, three hosts, levels
/// skewed like production (mostly info). "timeout" and "connection refused" each match a tenth. Ids are what
/// log-service gives records (<see cref="RecordIds.New"/>); the store indexes an id that tells no time as a term.
/// </summary>
internal static class SyntheticLogs
{
    private static readonly string[] Services = ["checkout", "payments", "catalog", "auth", "gateway"];

    public static LogRecord Make(int i, long timestampNs)
    {
        var random = new Random(i);
        var service = Services[i % Services.Length];
        var (level, message) = (i % 10) switch
        {
            0 => (Severity.Error, $"Connection refused by upstream 10.0.{random.Next(256)}.{random.Next(256)}:5432 after {random.Next(1, 5)} retries"),
            1 => (Severity.Warn, $"Timeout after {random.Next(100, 5000)}ms calling payment-service /v1/charge"),
            2 => (Severity.Info, $"user {random.Next(100_000)} logged in from 192.168.{random.Next(256)}.{random.Next(256)}"),
            3 => (Severity.Debug, $"cache miss for key order:{random.Next(1_000_000)} in region eu-west-1"),
            4 => (Severity.Error, $"NullReferenceException in OrderService.Place for order {random.Next(1_000_000)}"),
            _ => (Severity.Info, $"GET /api/v1/orders/{random.Next(1_000_000)} {(random.Next(20) == 0 ? 500 : 200)} in {random.Next(1, 900)}ms"),
        };
        return new LogRecord(
            RecordIds.New(timestampNs), timestampNs, level, message, service,
            $"{random.NextInt64():x16}{random.NextInt64():x16}", $"{random.NextInt64():x16}",
            new Dictionary<string, string> { ["env"] = "prod", ["host"] = $"{service}-{i % 3}" },
            new Dictionary<string, string> { ["user_id"] = random.Next(100_000).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            PatternId: $"p{i % 10}");
    }
}
