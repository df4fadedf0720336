using AirisEpm.PromQl.Model;

namespace AirisEpm.PromQl.Engine.Evaluation;

/// <summary>
/// One query's state: its source, time range, limits, cancellation, warnings and counters: the raw samples loaded
/// (a statistic), and the points held at once as Prometheus counts them (<see cref="Samples"/>).
/// </summary>
internal sealed class QueryContext(
    ISeriesSource source, EngineOptions options, long startMs, long endMs, long stepMs, QueryBounds bounds, CancellationToken cancellationToken)
{

    public ISeriesSource Source { get; } = source;

    public EngineOptions Options { get; } = options;

    public long StartMs { get; } = startMs;

    public long EndMs { get; } = endMs;

    /// <summary>The range query's step; 0 for an instant query.</summary>
    public long StepMs { get; } = stepMs;

    public long LookbackMs { get; } = (long)options.LookbackDelta.TotalMilliseconds;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Raw samples the source answered inside the selectors' windows (a statistic, not a limit).</summary>
    public long SamplesLoaded { get; private set; }

    /// <summary>The points held at once, checked against <see cref="EngineOptions.MaxSamples"/>.</summary>
    public SampleCounter Samples { get; } = new(options.MaxSamples);

    public Annotations Annotations { get; } = new();

    /// <summary>The step of a subquery written without one.</summary>
    public long DefaultSubqueryStepMs { get; } = (long)options.DefaultSubqueryStep.TotalMilliseconds;

    /// <summary>A Prometheus warning (<c>PromQL warning: ...</c>) about the node at <paramref name="position"/>.</summary>
    public void Warn(string warning, Ast.PositionRange position) => Annotations.Add(warning, position, info: false);

    /// <summary>A Prometheus info (<c>PromQL info: ...</c>) about the node at <paramref name="position"/>.</summary>
    public void Info(string info, Ast.PositionRange position) => Annotations.Add(info, position, info: true);

    public void CountLoaded(long samples) => SamplesLoaded += samples;

    public void ThrowIfCancelled() => CancellationToken.ThrowIfCancellationRequested();

    /// <summary>The pinned time of an <c>@</c> modifier, or null when there is none.</summary>
    public long? ResolveAt(Ast.TimeModifiers modifiers) => modifiers.TimestampMs ?? modifiers.Anchor switch
    {
        Ast.AtAnchor.Start => bounds.StartMs,
        Ast.AtAnchor.End => bounds.EndMs,
        _ => null,
    };

    public static PromQlException Error(string message) => new(PromQlErrorType.Execution, message);

    public static string DuplicateLabelsetMessage => "vector cannot contain metrics with the same labelset";

    internal static LabelSet DropName(LabelSet metric) => metric.Has(LabelSet.MetricName) ? metric.WithoutName() : metric;
}
