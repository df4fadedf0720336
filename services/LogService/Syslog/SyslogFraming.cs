namespace AirisEpm.LogService.Syslog;

/// <summary>The two ways RFC 6587 delimits syslog messages on a TCP stream.</summary>
public enum SyslogFraming
{
    /// <summary>§3.4.1: <c>MSG-LEN SP SYSLOG-MSG</c>, the length in decimal octets.</summary>
    OctetCounting,

    /// <summary>§3.4.2: the message, then a trailer (LF; CRLF and NUL are tolerated as well).</summary>
    NonTransparent,
}
