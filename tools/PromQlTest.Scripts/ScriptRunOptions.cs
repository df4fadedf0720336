namespace AirisEpm.PromQlTest.Scripts;

/// <summary>How evals run.</summary>
public sealed record ScriptRunOptions
{
    public static readonly ScriptRunOptions Default = new();

    /// <summary>
    /// Also run each instant eval as a range query from t-1m to t+1m at a 1m step and check its middle step
    /// against the same expectation, as promqltest does (skipped for ordered evals, <c>expect range vector</c>,
    /// <c>expect string</c> and queries using <c>start()</c>, <c>end()</c>, <c>range()</c> or <c>step()</c>).
    /// </summary>
    public bool CheckRangeMode { get; init; } = true;

    /// <summary>
    /// Also run each instant eval with <c>@</c> pinned to its time on every selector, at other evaluation times
    /// (see <see cref="AtModifierVariants"/>), as promqltest does.
    /// </summary>
    public bool CheckAtModifier { get; init; } = true;

    /// <summary>A query taking longer fails its eval (a hang must not stop the run).</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
