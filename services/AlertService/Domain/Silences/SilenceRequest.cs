using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Silences;

/// <summary>A create-or-update request (API v2 <c>postableSilence</c>); <see cref="Id"/> set means update.</summary>
public sealed record SilenceRequest(
    IReadOnlyList<Matcher> Matchers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string CreatedBy,
    string Comment,
    string? Id = null)
{
    /// <summary>Alertmanager's checks; each error names the field. Empty when valid.</summary>
    public IReadOnlyList<SilenceError> Validate(DateTimeOffset now)
    {
        var errors = new List<SilenceError>();
        if (Matchers.Count == 0) errors.Add(new("matchers", "at least one matcher is required"));
        else if (Matchers.All(m => m.MatchesEmpty))
        {
            errors.Add(new("matchers", "at least one matcher must not match the empty string"));
        }
        if (EndsAt <= StartsAt) errors.Add(new("endsAt", "end time must be after start time"));
        if (EndsAt < now) errors.Add(new("endsAt", "end time can't be in the past"));
        if (string.IsNullOrWhiteSpace(CreatedBy)) errors.Add(new("createdBy", "creator information is required"));
        if (string.IsNullOrWhiteSpace(Comment)) errors.Add(new("comment", "comment is required"));
        return errors;
    }
}

/// <summary>A validation failure of a silence request: the field and the reason.</summary>
public sealed record SilenceError(string Field, string Reason);
