namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>What a structured line's key means to the draft; <see cref="None"/> keys stay fields.</summary>
internal enum KeyRole
{
    None = 0,
    Timestamp,
    Level,
    OtlpSeverityNumber,
    Message,
    Service,
    Host,
    Logger,
    Thread,
    StackTrace,
}
