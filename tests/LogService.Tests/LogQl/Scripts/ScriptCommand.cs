using AirisEpm.LogService.Domain;

namespace AirisEpm.LogService.Tests.LogQl.Scripts;

/// <summary>One command of a LogQL script (see <see cref="LogQlScript"/>), with the line it starts on for failure messages.</summary>
public abstract record ScriptCommand(int Line);

public sealed record LoadCommand(int Line, IReadOnlyList<LogRecord> Records) : ScriptCommand(Line);

public sealed record SetCommand(int Line, string Option, int Value) : ScriptCommand(Line);

public enum EvalKind
{
    Range,
    Instant,
    Streams,
}

/// <summary>
/// An <c>eval</c>: the query, its times (ns), and what it must give: <see cref="Error"/> (a substring of the
/// message) or the expected lines, each <c>{labels} …</c> as the kind prescribes.
/// </summary>
public sealed record EvalCommand(
    int Line, EvalKind Kind, string Query, long StartNs, long EndNs, long StepNs, int Limit, bool Backward, long BaseNs,
    string? Error, IReadOnlyList<string> Expected) : ScriptCommand(Line);
