namespace AirisEpm.PromQlTest.Scripts;

/// <summary>One command of a test script; <see cref="Line"/> is 1-based, as failures cite it.</summary>
public abstract record ScriptCommand(int Line);

/// <summary><c>load &lt;interval&gt;</c>: each series' n-th value is a sample at n × interval (from time 0).</summary>
public sealed record LoadCommand(int Line, long IntervalMs, IReadOnlyList<SeriesDescription> Series) : ScriptCommand(Line);

/// <summary><c>clear</c>: drops every series loaded so far.</summary>
public sealed record ClearCommand(int Line) : ScriptCommand(Line);
