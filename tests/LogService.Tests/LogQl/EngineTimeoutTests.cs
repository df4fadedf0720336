using AirisEpm.LogService.Domain;
using AirisEpm.LogService.LogQl.Evaluation;
using AirisEpm.LogService.Storage;
using Microsoft.Extensions.Options;

namespace AirisEpm.LogService.Tests.LogQl;

/// <summary>A query past its timeout fails as a timeout; one its caller cancels stays a cancellation.</summary>
public sealed class EngineTimeoutTests
{
    [Fact]
    public async Task A_slow_store_makes_the_query_time_out()
    {
        var engine = new LogQlEngine(new StalledStore(), Options.Create(new LogQlOptions { QueryTimeout = TimeSpan.FromMilliseconds(200) }));
        var error = await Assert.ThrowsAsync<LogQlExecutionException>(() =>
            engine.RangeQueryAsync("{service_name=\"api\"}", 0, 60_000_000_000, 1_000_000_000, 100, true, TestContext.Current.CancellationToken));
        Assert.Equal(ExecutionProblem.Timeout, error.Problem);
        Assert.Contains("ran longer than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_request_is_not_reported_as_a_timeout()
    {
        var engine = new LogQlEngine(new StalledStore(), Options.Create(new LogQlOptions()));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            engine.RangeQueryAsync("{service_name=\"api\"}", 0, 60_000_000_000, 1_000_000_000, 100, true, cancel.Token));
    }

    /// <summary>A store whose searches never finish until cancelled.</summary>
    private sealed class StalledStore : ILogStore
    {
        public async Task<LogSearchResult> SearchAsync(LogQuery query, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task AppendAsync(IReadOnlyList<LogRecord> records, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<LogRecord?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult<LogRecord?>(null);

        public Task<IReadOnlyList<LogRecord>> ContextAsync(string id, int before, int after, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<LogRecord>>([]);

        public Task<IReadOnlyList<FieldCount>> FieldsAsync(LogQuery query, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<FieldCount>>([]);

        public Task<IReadOnlyList<ValueCount>> ValuesAsync(string field, LogQuery query, int limit, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ValueCount>>([]);

        public Task<long> DeleteBeforeAsync(long cutoffNs, CancellationToken cancellationToken) => Task.FromResult(0L);

        public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
