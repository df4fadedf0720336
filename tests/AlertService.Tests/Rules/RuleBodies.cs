namespace AirisEpm.AlertService.Tests.Rules;

/// <summary>Request bodies for /api/v1/rules.</summary>
internal static class RuleBodies
{
    public static object Metric(string agg = "avg", string op = ">", string[]? matchers = null, string summary = "CPU {{ $value }} on {{ $labels.team }}") => new
    {
        name = "HighCpu",
        severity = "critical",
        labels = new Dictionary<string, string> { ["team"] = "ops" },
        annotations = new Dictionary<string, string> { ["summary"] = summary },
        @for = "5m",
        evaluationInterval = "30s",
        condition = new { metric = new { metric = "cpu_usage", matchers = matchers ?? ["service=\"api\""], agg, window = "5m", op, threshold = 0.9 } },
    };

    public static object Log() => new
    {
        name = "ErrorLogs",
        severity = "warning",
        condition = new { all = new object[] { new { log = new { query = "level:error", window = "5m", op = ">", threshold = 10 } } } },
    };

    public static object WithCondition(object condition) => new { name = "R", severity = "info", condition };
}
