namespace AirisEpm.AlertService.Domain.Silences;

/// <summary>API v2 silence states.</summary>
public enum SilenceState
{
    Pending,
    Active,
    Expired,
}
