using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Silences;

/// <summary>A silence (API v2 <c>gettableSilence</c> minus status, which is <see cref="StateAt"/>).</summary>
public sealed record Silence(
    string Id,
    IReadOnlyList<Matcher> Matchers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset UpdatedAt,
    string CreatedBy,
    string Comment)
{
    public SilenceState StateAt(DateTimeOffset now) =>
        EndsAt <= now ? SilenceState.Expired : StartsAt > now ? SilenceState.Pending : SilenceState.Active;

    public bool Mutes(LabelSet labels, DateTimeOffset now) =>
        StateAt(now) == SilenceState.Active && Matchers.MatchesAll(labels);
}
