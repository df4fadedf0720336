namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>The <c>&lt;PRI&gt;</c> that opens a syslog message: facility × 8 + severity, at most 191 (RFC 5424 §6.2.1).</summary>
internal static class SyslogPriority
{
    private static readonly string[] Facilities =
    [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
        "ntp", "security", "console", "solaris-cron", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
    ];

    /// <summary>rsyslog's and <c>logger -p</c>'s keywords for the eight severities, 0 to 7.</summary>
    private static readonly string[] Severities = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    /// <summary><c>&lt;</c>1-3 digits<c>&gt;</c>, no leading zeros except <c>&lt;0&gt;</c>.</summary>
    public static bool TryRead(ref LineCursor c, out int priority)
    {
        priority = 0;
        var t = c;
        if (!t.TryChar('<')) return false;
        var start = t.Pos;
        if (!t.TryNumber(3, out var value) || !t.TryChar('>')) return false;
        if (value > 191 || (t.Text[start] == '0' && t.Pos - start > 2)) return false;
        priority = (int)value;
        c = t;
        return true;
    }

    public static string FacilityName(int priority) => Facilities[priority >> 3];

    public static string SeverityName(int priority) => Severities[priority & 7];
}
