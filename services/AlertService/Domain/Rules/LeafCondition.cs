using AirisEpm.PromQl.Model;

namespace AirisEpm.AlertService.Domain.Rules;

/// <summary>
/// A leaf of a rule's condition tree: what to query. The querying itself lives outside the
/// domain (rule actors); each leaf's <see cref="Id"/> keys its <see cref="LeafResult"/>.
/// </summary>
public abstract record LeafCondition(string Id) : ConditionNode;

/// <summary>Aggregations a metric leaf can ask metrics-service for over its window.</summary>
public enum MetricAggregation
{
    Avg,
    Min,
    Max,
    Sum,
    Count,
    Last,
    Rate,
    P50,
    P90,
    P95,
    P99,
}

/// <summary>A metrics-service query (name, matchers, aggregation over a window) compared with a threshold.</summary>
public sealed record MetricCondition(string Id, string Metric, IReadOnlyList<Matcher> Matchers, MetricAggregation Aggregation, TimeSpan Window, ComparisonOperator Operator, double Threshold)
    : LeafCondition(Id);

/// <summary>The count of log records matching a query over a window, compared with a threshold.</summary>
public sealed record LogCondition(string Id, string Query, TimeSpan Window, ComparisonOperator Operator, double Threshold)
    : LeafCondition(Id);

/// <summary>What a trace leaf measures.</summary>
public enum TraceSignal
{
    P95LatencyMs,
    ErrorRate,
}

/// <summary>
/// A trace-service measure for a service (<see cref="Service"/>) or for a call edge
/// (<see cref="From"/> → <see cref="To"/>); exactly one of the two forms is set.
/// </summary>
public sealed record TraceCondition(string Id, TraceSignal Signal, TimeSpan Window, ComparisonOperator Operator, double Threshold, string? Service = null, string? From = null, string? To = null)
    : LeafCondition(Id)
{
    public bool IsEdge => From is not null || To is not null;
}

/// <summary>True when a metric has no samples matching the matchers in the window.</summary>
public sealed record AbsentCondition(string Id, string Metric, IReadOnlyList<Matcher> Matchers, TimeSpan Window)
    : LeafCondition(Id);
