namespace AirisEpm.LogService.Domain;

/// <summary>Normalised severity, in increasing order; <see cref="Unknown"/> when the producer gave none.</summary>
public enum Severity
{
    Unknown = 0,
    Trace = 1,
    Debug = 2,
    Info = 3,
    Warn = 4,
    Error = 5,
    Fatal = 6,
}
