using AirisEpm.PromQl.Engine;

namespace AirisEpm.PromQlTest.Scripts;

/// <summary>
/// What a script's evals run against: an engine over the series loaded so far. A query the engine rejects
/// (a parse, type or execution error) is an <see cref="QueryOutcome.Failed"/> outcome; an exception thrown
/// out of these methods is a crash, which fails the eval even where an error was expected.
/// </summary>
public interface IQueryTarget
{
    Task<QueryOutcome> InstantAsync(string query, long timeMs, CancellationToken cancellationToken);

    Task<QueryOutcome> RangeAsync(string query, long startMs, long endMs, long stepMs, CancellationToken cancellationToken);
}

/// <summary>A query's answer, or the error message it was refused with.</summary>
public sealed record QueryOutcome(QueryResult? Result, string? Error)
{
    public static QueryOutcome Succeeded(QueryResult result) => new(result, null);

    public static QueryOutcome Failed(string error) => new(null, error);
}
