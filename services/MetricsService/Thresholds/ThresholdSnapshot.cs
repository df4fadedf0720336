using AirisEpm.ServiceDefaults.Events.Contracts;

namespace AirisEpm.MetricsService.Thresholds;

/// <summary>
/// Everything the engine needs to resume after a restart without re-firing: the rules it had,
/// each breaching series' state, and the crossings not yet published.
/// </summary>
public sealed record ThresholdSnapshot(
    long RulesVersion,
    IReadOnlyList<ThresholdRuleContract> Rules,
    IReadOnlyList<SeriesThresholdState> States,
    IReadOnlyList<ThresholdCrossed> Unpublished);
