namespace AirisEpm.AlertService.Rules;

/// <summary>One node of the condition tree: exactly one of the properties is set.</summary>
public sealed record ConditionDocument
{
    public IReadOnlyList<ConditionDocument>? All { get; init; }

    public IReadOnlyList<ConditionDocument>? Any { get; init; }

    public ConditionDocument? Not { get; init; }

    public MetricLeafDocument? Metric { get; init; }

    public LogLeafDocument? Log { get; init; }

    public TraceLeafDocument? Trace { get; init; }

    public AbsentLeafDocument? Absent { get; init; }
}
