namespace AirisEpm.LogService.LogQl.Evaluation;

/// <summary>Why a well-formed query could not be answered.</summary>
public enum ExecutionProblem
{
    /// <summary>It needs more work than the bounds allow (records scanned, series, points); the user should narrow it.</summary>
    TooMuchWork,

    /// <summary>It ran past the query timeout.</summary>
    Timeout,

    /// <summary>A line's pipeline set <c>__error__</c> in a metric query (Loki's "pipeline error").</summary>
    Pipeline,

    /// <summary>The request is well-formed LogQL but not answerable as asked (a log query as an instant query).</summary>
    BadRequest,

    /// <summary>The data makes the query fail (vector matching that finds several series where it needs one, labels that collide).</summary>
    Evaluation,
}

/// <summary>A query that parsed but cannot be answered; the message tells the user what to change.</summary>
public sealed class LogQlExecutionException(ExecutionProblem problem, string message) : Exception(message)
{
    public ExecutionProblem Problem { get; } = problem;
}
