namespace AirisEpm.PromQl.Engine;

/// <summary>Prometheus's <c>errorType</c> values and the HTTP status the API answers each with.</summary>
public enum PromQlErrorType
{
    /// <summary>400: the query or a parameter is malformed.</summary>
    BadData,

    /// <summary>422: the query is valid but cannot be executed (too many samples, a type error found at run time).</summary>
    Execution,

    /// <summary>503: the query ran past its timeout.</summary>
    Timeout,

    /// <summary>499/503: the caller went away.</summary>
    Canceled,
}

/// <summary>A query that failed in a way the caller caused or must hear about, with Prometheus's message.</summary>
public class PromQlException(PromQlErrorType type, string message) : Exception(message)
{
    public PromQlErrorType Type { get; } = type;

    /// <summary>The <c>errorType</c> string of the API envelope.</summary>
    public string TypeName => Type switch
    {
        PromQlErrorType.BadData => "bad_data",
        PromQlErrorType.Execution => "execution",
        PromQlErrorType.Timeout => "timeout",
        _ => "canceled",
    };
}
