namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// <c>eval instant at &lt;t&gt; &lt;expr&gt;</c> or <c>eval range from &lt;s&gt; to &lt;e&gt; step &lt;d&gt; &lt;expr&gt;</c> with what
/// it must give. Times are Unix milliseconds (the script's durations counted from 0). An instant eval runs
/// at <see cref="EndMs"/>; its expected values sit on the grid <see cref="StartMs"/>, +<see cref="StepMs"/>, ...
/// (one point at <see cref="EndMs"/> unless <c>expect range vector</c> widened it).
/// </summary>
public sealed record EvalCommand(int Line, string Expr, bool IsRange, long StartMs, long EndMs, long StepMs) : ScriptCommand(Line)
{
    /// <summary>The error the query must fail with; null when it must succeed.</summary>
    public MessagePattern? Fail { get; init; }

    /// <summary><c>eval_ordered</c> / <c>expect ordered</c>: the vector must come in the listed order.</summary>
    public bool Ordered { get; init; }

    public AnnotationExpectation Warnings { get; init; } = AnnotationExpectation.Unchecked;

    public AnnotationExpectation Infos { get; init; } = AnnotationExpectation.Unchecked;

    public ExpectedResult Expected { get; init; } = new ExpectedSeriesSet([]);

    /// <summary>An <c>expect range vector</c> or <c>expect string</c> result, which a range query cannot give.</summary>
    public bool ExcludeFromRangeMode { get; init; }
}

/// <summary>
/// What a query's annotations of one kind (warnings or infos) must be: at least one (<c>eval_warn</c>), each
/// pattern matched by one and each one by a pattern (<c>expect warn msg: ...</c>), or none (<c>expect no_warn</c>).
/// </summary>
public sealed record AnnotationExpectation(bool AtLeastOne, IReadOnlyList<MessagePattern> Patterns, bool None)
{
    public static readonly AnnotationExpectation Unchecked = new(false, [], false);
}

/// <summary>The expected value of an eval.</summary>
public abstract record ExpectedResult;

/// <summary>A scalar (a line holding only a number).</summary>
public sealed record ExpectedScalar(double Value) : ExpectedResult;

/// <summary>A string literal's value (<c>expect string "..."</c>).</summary>
public sealed record ExpectedString(string Value) : ExpectedResult;

/// <summary>The series of a vector or matrix (none: an empty result).</summary>
public sealed record ExpectedSeriesSet(IReadOnlyList<ExpectedSeries> Series) : ExpectedResult;

/// <summary>One expected series; <see cref="Position"/> is its 1-based rank for ordered evals.</summary>
public sealed record ExpectedSeries(AirisEpm.PromQl.Model.LabelSet Metric, IReadOnlyList<SequenceValue> Values, int Position, int Line);
