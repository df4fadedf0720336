namespace AirisEpm.TraceService.Analysis.Bottlenecks;

/// <summary>
/// An operation's standing in two windows. Shares are compared (not sums) so that windows with
/// different traffic compare fairly; <see cref="MeanCriticalChangeNs"/> is the change of its
/// critical time per trace it appeared in. Missing on one side counts as share 0 and no rank.
/// </summary>
public sealed record BottleneckChange(
    OperationKey Key, Bottleneck? Before, Bottleneck? After, double ShareChange, double MeanCriticalChangeNs)
{
    public int? RankBefore => Before?.Rank;

    public int? RankAfter => After?.Rank;

    public bool IsNew => Before is null;

    public bool IsGone => After is null;
}
