using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>
/// Lines that start with a timestamp (optionally in brackets, as Kafka writes it) and then a
/// logging framework's header. After the timestamp the layouts are tried in this order; each
/// needs its own fixed punctuation, so an earlier one cannot swallow a later one's line:
/// <list type="number">
/// <item>MEL console with a timestamp prefix: <c>info: Category[0]</c>.</item>
/// <item><c>[LEVEL]</c>: Serilog's file default (<c>2024-01-02 03:04:05.678 +00:00 [INF] msg</c>), nginx's error log (<c>[error] 1234#0: msg</c>).</item>
/// <item>Spring Boot: <c>LEVEL PID --- [thread] logger : msg</c> (and Boot 3's <c>[app] [thread]</c> and <c>[trace-span]</c>).</item>
/// <item>Python logging: <c>- name - LEVEL - msg</c>.</item>
/// <item>log4j <c>%d - %p [%t] - %m</c> (Zookeeper): <c>- LEVEL [thread] - msg</c>.</item>
/// <item>logback's default: <c>[thread] LEVEL logger - msg</c>.</item>
/// <item>log4j level first: <c>[PID] LEVEL [[thread]] logger: msg</c> (Hadoop, Spark, HDFS) or <c>LEVEL logger - msg</c>.</item>
/// </list>
/// When none fits, the rest of the line is the message and its level is a leading level word.
/// A thread or logger is only taken when the separator after it is there too; otherwise it stays
/// in the message (Kafka's <c>INFO [Broker id=0] msg</c>).
/// </summary>
internal static class ApplicationFormat
{
    public static LogDraft? TryParse(string line, long receivedNs, ParserLimits limits)
    {
        var c = new LineCursor(line);
        var bracketed = c.TryChar('[');
        if (!TimestampScanner.TryApplicationPrefix(ref c, receivedNs, out var ns) || (bracketed && !c.TryChar(']')) || !c.AtSpaceOrEnd) return null;
        c.SkipSpaces();
        if (MelConsoleFormat.TryParse(line, c.Pos, ns, limits) is { } mel) return mel;
        var builder = new DraftBuilder(LineFormat.Application, limits) { TimestampNs = ns };
        var matched = TryBracketLevel(ref c, builder) || TrySpringBoot(ref c, builder) || TryPython(ref c, builder)
            || TryDashLevel(ref c, builder) || TryThreadFirst(ref c, builder) || TryLevelFirst(ref c, builder);
        if (!matched) builder.Level = LeadingLevel.Find(c.Rest);
        builder.Message = c.Rest.TrimEnd().ToString();
        return builder.Build(line);
    }

    private static bool TryBracketLevel(ref LineCursor c, DraftBuilder builder)
    {
        var t = c;
        if (!t.TryChar('[')) return false;
        var close = t.Rest.IndexOf(']');
        if (close <= 0 || close > SeverityParser.MaxNameLength) return false;
        var level = SeverityParser.Parse(t.Rest[..close]);
        if (level == Severity.Unknown) return false;
        t.Pos += close + 1;
        t.SkipSpaces();
        // nginx: "1234#0: *5 message" is pid#tid, then the connection number (kept in the message).
        var ids = t;
        if (ids.TryNumber(10, out _) && ids.Current == '#')
        {
            var pid = t.Rest[..(ids.Pos - t.Pos)];
            ids.Pos++;
            var tidStart = ids.Pos;
            if (ids.TryNumber(10, out _) && ids.TryChar(':') && ids.AtSpaceOrEnd)
            {
                builder.AddField("pid", pid);
                builder.AddField("tid", ids.Text[tidStart..(ids.Pos - 1)]);
                t = ids;
                t.SkipSpaces();
            }
        }
        builder.Level = level;
        c = t;
        return true;
    }

    private static bool TrySpringBoot(ref LineCursor c, DraftBuilder builder)
    {
        var t = c;
        if (!TryLevelWord(ref t, out var level) || t.SkipSpaces() == 0) return false;
        var pidStart = t.Pos;
        if (!t.TryNumber(10, out _)) return false;
        var pid = t.Text[pidStart..t.Pos];
        t.SkipSpaces();
        if (!t.TryText("---") || t.SkipSpaces() == 0 || !t.TryBracketed(out var first)) return false;
        var thread = first.Trim();
        ReadOnlySpan<char> application = default;
        t.SkipSpaces();
        var traceContext = default(TraceContext);
        var u = t;
        if (u.TryBracketed(out var second))
        {
            if (TryCorrelation(second, out traceContext))
            {
                t = u;
            }
            else
            {
                application = thread;
                thread = second.Trim();
                t = u;
                t.SkipSpaces();
                var v = t;
                if (v.TryBracketed(out var third) && TryCorrelation(third, out traceContext)) t = v;
            }
            t.SkipSpaces();
        }
        var w = t;
        var logger = w.Token();
        w.SkipSpaces();
        if (!logger.IsEmpty && w.TryChar(':') && w.AtSpaceOrEnd)
        {
            builder.Logger = logger.ToString();
            t = w;
            t.SkipSpaces();
        }
        builder.Level = level;
        builder.Thread = thread.ToString();
        builder.AddField("pid", pid);
        if (!application.IsEmpty) builder.Service = application.ToString();
        builder.TraceId = traceContext.TraceId;
        builder.SpanId = traceContext.SpanId;
        c = t;
        return true;
    }

    /// <summary>Spring Boot 3's correlation bracket, <c>[traceId-spanId]</c>, blank-padded when there is no trace.</summary>
    private static bool TryCorrelation(ReadOnlySpan<char> inner, out TraceContext context)
    {
        context = default;
        var text = inner.Trim();
        if (text.IsEmpty) return inner.Length > 0;
        var dash = text.IndexOf('-');
        if (dash < 0) return false;
        var traceId = TraceContextParser.NormalizeTraceId(text[..dash]);
        var spanId = TraceContextParser.NormalizeSpanId(text[(dash + 1)..]);
        if (traceId is null || spanId is null) return false;
        context = new TraceContext(traceId, spanId);
        return true;
    }

    private static bool TryPython(ref LineCursor c, DraftBuilder builder)
    {
        var t = c;
        if (!t.TryText("- ")) return false;
        var name = t.Token();
        if (name.IsEmpty || !t.TryText(" - ") || !TryLevelWord(ref t, out var level) || !t.TryText(" - ")) return false;
        builder.Logger = name.ToString();
        builder.Level = level;
        c = t;
        return true;
    }

    private static bool TryDashLevel(ref LineCursor c, DraftBuilder builder)
    {
        var t = c;
        if (!t.TryChar('-') || t.SkipSpaces() == 0 || !TryLevelWord(ref t, out var level)) return false;
        t.SkipSpaces();
        var u = t;
        if (u.TryBracketed(out var thread) && u.TryText(" - "))
        {
            builder.Thread = thread.ToString();
            t = u;
        }
        builder.Level = level;
        c = t;
        return true;
    }

    private static bool TryThreadFirst(ref LineCursor c, DraftBuilder builder)
    {
        var t = c;
        if (!t.TryBracketed(out var thread) || t.SkipSpaces() == 0 || !TryLevelWord(ref t, out var level)) return false;
        t.SkipSpaces();
        if (TryLogger(ref t, out var logger)) builder.Logger = logger;
        builder.Thread = thread.ToString();
        builder.Level = level;
        c = t;
        return true;
    }

    private static bool TryLevelFirst(ref LineCursor c, DraftBuilder builder)
    {
        var t = c;
        var pidStart = t.Pos;
        var hasPid = t.TryNumber(10, out _);
        var pid = t.Text[pidStart..t.Pos];
        if ((hasPid && t.SkipSpaces() == 0) || !TryLevelWord(ref t, out var level)) return false;
        t.SkipSpaces();
        var u = t;
        ReadOnlySpan<char> thread = default;
        if (u.TryBracketed(out var bracket) && u.SkipSpaces() > 0) thread = bracket;
        if (TryLogger(ref u, out var logger))
        {
            builder.Logger = logger;
            if (!thread.IsEmpty) builder.Thread = thread.ToString();
            t = u;
        }
        if (hasPid) builder.AddField("pid", pid);
        builder.Level = level;
        c = t;
        return true;
    }

    /// <summary>
    /// <c>logger - </c> or <c>logger: </c>, the logger an identifier starting with a letter. Single
    /// words count: log4j's <c>%c{1}</c> (Spark's default layout) writes <c>Executor: msg</c>, which no
    /// rule can tell from a message that starts with "Word:", and the layout is the likelier reading.
    /// Moves past the separator and the spaces after it.
    /// </summary>
    private static bool TryLogger(ref LineCursor c, out string logger)
    {
        logger = "";
        var t = c;
        var token = t.Token();
        if (token.IsEmpty) return false;
        if (token.Length > 1 && token[^1] == ':' && IsLoggerName(token[..^1]) && t.AtSpaceOrEnd)
        {
            logger = token[..^1].ToString();
        }
        else if (IsIdentifier(token) && (t.TryText(" - ") || (t.TryText(" -") && t.AtEnd)))
        {
            logger = token.ToString();
        }
        else
        {
            return false;
        }
        t.SkipSpaces();
        c = t;
        return true;
    }

    private static bool IsIdentifier(ReadOnlySpan<char> name)
    {
        foreach (var ch in name)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch is not ('.' or '$' or '_' or '-' or '/')) return false;
        }
        return true;
    }

    private static bool IsLoggerName(ReadOnlySpan<char> name) => char.IsAsciiLetter(name[0]) && IsIdentifier(name);

    /// <summary>A level name, optionally followed by ':', then a space or the end.</summary>
    private static bool TryLevelWord(ref LineCursor c, out Severity level)
    {
        level = Severity.Unknown;
        var t = c;
        var start = t.Pos;
        while (char.IsAsciiLetterOrDigit(t.Current) && t.Pos - start <= SeverityParser.MaxNameLength) t.Pos++;
        level = SeverityParser.Parse(t.Text[start..t.Pos]);
        t.TryChar(':');
        if (level == Severity.Unknown || !t.AtSpaceOrEnd) return false;
        c = t;
        return true;
    }
}
