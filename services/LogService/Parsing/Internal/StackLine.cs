namespace AirisEpm.LogService.Parsing.Internal;

/// <summary>How a column-0 line relates to a stack trace (indented lines need no classifying).</summary>
internal enum StackLine
{
    /// <summary>Nothing stack-like: a new record, unless a traceback or goroutine dump is open.</summary>
    None = 0,
    /// <summary>Continues whatever record is open: <c>Caused by:</c>, <c>... 5 more</c>, <c>--- End of inner exception stack trace ---</c>, Python's chaining sentences, Go's <c>[signal ...]</c>.</summary>
    Marker,
    /// <summary><c>Traceback (most recent call last):</c>; frames follow until the exception line.</summary>
    PythonTraceback,
    /// <summary><c>goroutine N [running]:</c>; Go function lines at column 0 follow.</summary>
    Goroutine,
    /// <summary>An exception's first line: <c>java.lang.IllegalStateException: boom</c>, <c>Exception in thread "main" ...</c>, <c>Unhandled exception. System.X: y</c>.</summary>
    Exception,
    /// <summary>Go's <c>panic: ...</c>, which starts a record that its goroutine dump continues.</summary>
    GoPanic,
}
