using AirisEpm.PromQl.Engine;
using AirisEpm.PromQlTest.Scripts;

namespace AirisEpm.PromQl.Tests.Scripts;

/// <summary>A query target with canned answers, to test the runner's checks without an engine.</summary>
internal sealed class FakeTarget(Func<string, long, QueryOutcome> instant, Func<string, long, long, long, QueryOutcome>? range = null) : IQueryTarget
{
    public List<string> Calls { get; } = [];

    public Task<QueryOutcome> InstantAsync(string query, long timeMs, CancellationToken cancellationToken)
    {
        Calls.Add($"instant {query} @{timeMs}");
        return Task.FromResult(instant(query, timeMs));
    }

    public Task<QueryOutcome> RangeAsync(string query, long startMs, long endMs, long stepMs, CancellationToken cancellationToken)
    {
        Calls.Add($"range {query} {startMs}..{endMs}/{stepMs}");
        return Task.FromResult(range is null ? QueryOutcome.Failed("no range answers") : range(query, startMs, endMs, stepMs));
    }

    public static QueryOutcome Answer(QueryValue value, params string[] warnings) =>
        QueryOutcome.Succeeded(new QueryResult(value, warnings, new QueryStats(0, 0, TimeSpan.Zero)));
}
