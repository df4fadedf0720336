using System.Collections.Frozen;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// The keys JSON and logfmt producers use for the draft's own properties, matched
/// case-insensitively after nested objects are flattened (so ECS's <c>{"log":{"level":"info"}}</c>
/// is <c>log.level</c>). Within a role a lower rank wins when a line carries several keys (Serilog
/// CLEF's rendered <c>@m</c> before its template <c>@mt</c>); the losers stay fields.
/// </summary>
internal static class WellKnownKeys
{
    private static readonly FrozenDictionary<string, (KeyRole Role, int Rank)> Keys = Build(
        (KeyRole.Timestamp, ["@timestamp", "timestamp", "time", "ts", "@t", "t", "datetime"]),
        // levelname: python-json-logger; LogLevel: Microsoft.Extensions.Logging's JSON console.
        (KeyRole.Level, ["level", "severity", "lvl", "@l", "log.level", "loglevel", "levelname", "severity_text", "LogLevel"]),
        (KeyRole.OtlpSeverityNumber, ["severity_number", "severityNumber"]),
        // log: Docker's json-file driver.
        (KeyRole.Message, ["message", "msg", "@m", "@mt", "log"]),
        (KeyRole.Service, ["service.name", "service", "app", "application", "service_name"]),
        (KeyRole.Host, ["host.name", "hostname", "host"]),
        // SourceContext: Serilog; Category: MEL's JSON console.
        (KeyRole.Logger, ["logger", "logger_name", "log.logger", "loggerName", "SourceContext", "Category"]),
        (KeyRole.Thread, ["thread", "thread_name", "threadName", "process.thread.name"]),
        // @x: Serilog CLEF; error.stack_trace: ECS; exc_info: python-json-logger.
        (KeyRole.StackTrace, ["stack_trace", "stacktrace", "stack", "exception", "@x", "error.stack_trace", "exc_info"]));

    private static readonly FrozenDictionary<string, (KeyRole Role, int Rank)>.AlternateLookup<ReadOnlySpan<char>> KeysBySpan =
        Keys.GetAlternateLookup<ReadOnlySpan<char>>();

    public static (KeyRole Role, int Rank) Classify(ReadOnlySpan<char> key) =>
        key.Length <= 24 && KeysBySpan.TryGetValue(key, out var entry) ? entry : (KeyRole.None, 0);

    private static FrozenDictionary<string, (KeyRole, int)> Build(params (KeyRole Role, string[] Names)[] roles)
    {
        var keys = new Dictionary<string, (KeyRole, int)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (role, names) in roles)
        {
            for (var rank = 0; rank < names.Length; rank++) keys[names[rank]] = (role, rank);
        }
        return keys.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
