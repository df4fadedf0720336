using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// Go's glog/klog header (Kubernetes components): <c>Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg</c>
/// with L one of I, W, E, F (D in some forks). The year comes from the receive time; the thread id
/// is the thread, file:line is kept as <c>source</c>.
/// </summary>
internal static class KlogFormat
{
    public static LogDraft? TryParse(string line, long receivedNs, ParserLimits limits)
    {
        var level = line[0] switch
        {
            'I' => Severity.Info,
            'W' => Severity.Warn,
            'E' => Severity.Error,
            'F' => Severity.Fatal,
            'D' => Severity.Debug,
            _ => Severity.Unknown,
        };
        var c = new LineCursor(line, 1);
        if (level == Severity.Unknown || !c.TryDigits(2, out var month) || !c.TryDigits(2, out var day) || !c.TryChar(' ')
            || !TimestampScanner.TryClock(ref c, out var hour, out var minute, out var second, out var fraction)
            || !TimestampScanner.TryWithInferredYear(month, day, hour, minute, second, fraction, receivedNs, out var ns)
            || c.SkipSpaces() == 0)
        {
            return null;
        }
        var threadStart = c.Pos;
        if (!c.TryNumber(18, out _) || !c.TryChar(' ')) return null;
        var thread = line[threadStart..(c.Pos - 1)];
        var source = c.Token();
        if (source.Length < 2 || source[^1] != ']') return null;
        c.SkipSpaces();
        var builder = new DraftBuilder(LineFormat.Klog, limits) { TimestampNs = ns, Level = level, Thread = thread, Message = c.Rest.TrimEnd().ToString() };
        builder.AddField("source", source[..^1]);
        return builder.Build(line);
    }
}
