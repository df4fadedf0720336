namespace AirisEpm.LogService.Parsing;

/// <summary>Which layout a line was recognised as; <see cref="Plain"/> when none matched.</summary>
public enum LineFormat
{
    Plain = 0,
    Json,
    Logfmt,
    Syslog5424,
    Syslog3164,
    AccessLog,
    ApacheError,
    /// <summary>A timestamp-first application line: log4j/logback, Spring Boot, Serilog files, Python logging, Spark/HDFS.</summary>
    Application,
    SerilogConsole,
    MelConsole,
    Klog,
}
