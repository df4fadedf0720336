namespace AirisEpm.AlertService.Domain.Silences;

/// <summary>Why a silence operation was refused; the API maps <see cref="Kind"/> to 400 or 404.</summary>
public sealed class SilenceException(SilenceFailure kind, string message, IReadOnlyList<SilenceError>? errors = null)
    : InvalidOperationException(message)
{
    public SilenceFailure Kind { get; } = kind;

    public IReadOnlyList<SilenceError> Errors { get; } = errors ?? [];
}

public enum SilenceFailure
{
    Invalid,
    NotFound,
    AlreadyExpired,
}
