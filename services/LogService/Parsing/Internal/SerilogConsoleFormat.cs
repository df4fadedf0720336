using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>Serilog's console default, <c>[HH:mm:ss LVL] message</c>: time of day on the receive date, level as u3 or full name.</summary>
internal static class SerilogConsoleFormat
{
    public static LogDraft? TryParse(string line, long receivedNs, ParserLimits limits)
    {
        var c = new LineCursor(line);
        if (!c.TryChar('[') || !TimestampScanner.TryTimeOfDay(ref c, receivedNs, out var ns) || !c.TryChar(' ')) return null;
        var close = c.Rest.IndexOf(']');
        if (close <= 0 || close > SeverityParser.MaxNameLength) return null;
        var level = SeverityParser.Parse(c.Rest[..close]);
        if (level == Severity.Unknown) return null;
        c.Pos += close + 1;
        c.SkipSpaces();
        var builder = new DraftBuilder(LineFormat.SerilogConsole, limits) { TimestampNs = ns, Level = level, Message = c.Rest.TrimEnd().ToString() };
        return builder.Build(line);
    }
}
