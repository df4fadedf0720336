namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Leaf conditions as sent. <c>Id</c> is optional (it defaults to the leaf's path in the tree);
/// <c>Op</c> is one of &gt;, &gt;=, &lt;, &lt;=, ==, !=; matchers use Alertmanager syntax
/// (<c>service="api"</c>, <c>code=~"5.."</c>).
/// </summary>
public sealed record MetricLeafDocument
{
    public string? Id { get; init; }

    public string? Metric { get; init; }

    public IReadOnlyList<string>? Matchers { get; init; }

    /// <summary>avg (default), min, max, sum, count, last, rate, p50, p90, p95, p99.</summary>
    public string? Agg { get; init; }

    public string? Window { get; init; }

    public string? Op { get; init; }

    public double? Threshold { get; init; }
}

public sealed record LogLeafDocument
{
    public string? Id { get; init; }

    public string? Query { get; init; }

    public string? Window { get; init; }

    public string? Op { get; init; }

    public double? Threshold { get; init; }
}

public sealed record TraceLeafDocument
{
    public string? Id { get; init; }

    /// <summary>p95_latency_ms or error_rate.</summary>
    public string? Signal { get; init; }

    public string? Service { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Window { get; init; }

    public string? Op { get; init; }

    public double? Threshold { get; init; }
}

public sealed record AbsentLeafDocument
{
    public string? Id { get; init; }

    public string? Metric { get; init; }

    public IReadOnlyList<string>? Matchers { get; init; }

    public string? Window { get; init; }
}
