using System.Collections.Frozen;
using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Parsing;

/// <summary>
/// Maps the level words and numbers producers write to <see cref="Severity"/>. Names are matched
/// case-insensitively and whole (no prefix matching), so "information" is Info but "informed" is not
/// a level. Numbers have no meaning without their scale, so each scale has its own method; the JSON
/// and logfmt parsers pick the scale from the key (see <see cref="FromNumber"/>).
/// </summary>
public static class SeverityParser
{
    private static readonly FrozenDictionary<string, Severity> ByName = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase)
    {
        // Serilog (VRB, DBG, INF, WRN, ERR, FTL and the full names), MEL (trce, dbug, info, warn, fail,
        // crit and LogLevel names), log4j/logback, syslog keywords, Apache (trace1-8), Go's logrus
        // (4-letter TRAC/DEBU/ERRO/FATA/PANI) and java.util.logging (SEVERE, FINE/FINER/FINEST).
        ["trace"] = Severity.Trace, ["trc"] = Severity.Trace, ["trce"] = Severity.Trace, ["trac"] = Severity.Trace,
        ["verbose"] = Severity.Trace, ["vrb"] = Severity.Trace, ["finest"] = Severity.Trace, ["finer"] = Severity.Trace,
        ["trace1"] = Severity.Trace, ["trace2"] = Severity.Trace, ["trace3"] = Severity.Trace, ["trace4"] = Severity.Trace,
        ["trace5"] = Severity.Trace, ["trace6"] = Severity.Trace, ["trace7"] = Severity.Trace, ["trace8"] = Severity.Trace,
        ["debug"] = Severity.Debug, ["dbg"] = Severity.Debug, ["dbug"] = Severity.Debug, ["debu"] = Severity.Debug, ["fine"] = Severity.Debug,
        ["info"] = Severity.Info, ["inf"] = Severity.Info, ["information"] = Severity.Info, ["informational"] = Severity.Info,
        ["notice"] = Severity.Info,
        ["warn"] = Severity.Warn, ["warning"] = Severity.Warn, ["wrn"] = Severity.Warn,
        ["err"] = Severity.Error, ["error"] = Severity.Error, ["eror"] = Severity.Error, ["erro"] = Severity.Error,
        ["fail"] = Severity.Error, ["severe"] = Severity.Error,
        ["fatal"] = Severity.Fatal, ["fata"] = Severity.Fatal, ["ftl"] = Severity.Fatal, ["critical"] = Severity.Fatal,
        ["crit"] = Severity.Fatal, ["emerg"] = Severity.Fatal, ["emergency"] = Severity.Fatal, ["alert"] = Severity.Fatal,
        ["panic"] = Severity.Fatal, ["pani"] = Severity.Fatal,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Severity>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The longest level word in the table; longer tokens are rejected without a lookup.</summary>
    internal const int MaxNameLength = 13;

    /// <summary>A level name or alias; <see cref="Severity.Unknown"/> when <paramref name="text"/> is none.</summary>
    public static Severity Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty || text.Length > MaxNameLength) return Severity.Unknown;
        return ByNameSpan.TryGetValue(text, out var level) ? level : Severity.Unknown;
    }

    /// <summary>Syslog severity 0 (emergency) to 7 (debug), the PRI value modulo 8.</summary>
    public static Severity FromSyslog(int severity) => severity switch
    {
        >= 0 and <= 2 => Severity.Fatal, // emerg, alert, crit
        3 => Severity.Error,
        4 => Severity.Warn,
        5 or 6 => Severity.Info, // notice, informational
        7 => Severity.Debug,
        _ => Severity.Unknown,
    };

    /// <summary>OTLP SeverityNumber: 1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal.</summary>
    public static Severity FromOtlpNumber(int number) =>
        number is < 1 or > 24 ? Severity.Unknown : (Severity)((number - 1) / 4 + 1);

    /// <summary>
    /// A number in a <c>level</c>-like field whose scale the producer did not name: 10/20/30/40/50/60
    /// are pino/bunyan's trace..fatal, 0-7 is syslog. Anything else is Unknown rather than a guess.
    /// </summary>
    public static Severity FromNumber(long number) => number switch
    {
        >= 0 and <= 7 => FromSyslog((int)number),
        10 => Severity.Trace,
        20 => Severity.Debug,
        30 => Severity.Info,
        40 => Severity.Warn,
        50 => Severity.Error,
        60 => Severity.Fatal,
        _ => Severity.Unknown,
    };
}
