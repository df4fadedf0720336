using AirisEpm.DaprTestSidecar.Components;

namespace AirisEpm.DaprTestSidecar.Bindings;

/// <summary>The bindings.cron schedules the test sidecar understands: "@every &lt;duration&gt;" and the @hourly-style macros.</summary>
public static class CronSchedule
{
    public static TimeSpan Period(string schedule) => schedule.Trim() switch
    {
        "@hourly" => TimeSpan.FromHours(1),
        "@daily" or "@midnight" => TimeSpan.FromDays(1),
        "@weekly" => TimeSpan.FromDays(7),
        var s when s.StartsWith("@every ", StringComparison.Ordinal) => GoDuration.Parse(s["@every ".Length..]),
        _ => throw new NotSupportedException($"Cron schedule '{schedule}' is not supported by the test sidecar (use @every <duration>)."),
    };
}
