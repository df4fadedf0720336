namespace AirisEpm.PromQl.Model;

/// <summary>
/// An invalid Alertmanager matcher or matcher expression (<see cref="AlertmanagerMatchers"/>). <see cref="Position"/> is
/// the 0-based character offset in the parsed text (0 when a single matcher was built from parts), <see cref="Reason"/>
/// says what is wrong without the position, for ProblemDetails.
/// </summary>
public sealed class MatcherException(int position, string reason)
    : FormatException($"invalid matcher at position {position}: {reason}")
{
    public int Position { get; } = position;

    public string Reason { get; } = reason;
}
