using System.Collections.Concurrent;
using AirisEpm.AlertService.Domain.PrometheusRules;
using AirisEpm.AlertService.Rules.Prometheus;

namespace AirisEpm.AlertService.Tests.PrometheusRules;

public sealed class InMemoryRuleFileRepository : IRuleFileRepository
{
    private readonly ConcurrentDictionary<string, StoredRuleFile> _files = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<StoredRuleFile>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredRuleFile>>(_files.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToList());

    public Task<StoredRuleFile?> GetAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_files.GetValueOrDefault(name));

    public Task<bool> PutAsync(StoredRuleFile file, CancellationToken cancellationToken)
    {
        var created = !_files.ContainsKey(file.Name);
        _files[file.Name] = file;
        return Task.FromResult(created);
    }

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_files.TryRemove(name, out _));
}

/// <summary>Group evaluation without actors: state in memory, evaluation through the application's real <see cref="PromGroupRunner"/>.</summary>
public sealed class InlineGroupScheduler(PromRuleGroups groups, PromGroupRunner runner) : IPromRuleGroupScheduler
{
    private readonly ConcurrentDictionary<GroupRef, PromGroupState> _states = new();

    public ConcurrentDictionary<GroupRef, int> Running { get; } = new();

    public Task StartAsync(GroupRef group, CancellationToken cancellationToken)
    {
        Running.AddOrUpdate(group, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public async Task StopAsync(GroupRef group, CancellationToken cancellationToken)
    {
        Running.TryRemove(group, out _);
        if (_states.TryRemove(group, out var state)) await runner.MarkGoneAsync(state, cancellationToken);
    }

    public Task<PromGroupState> GetStateAsync(GroupRef group, CancellationToken cancellationToken) =>
        Task.FromResult(_states.GetValueOrDefault(group) ?? PromGroupState.Initial);

    public async Task<PromGroupState> EvaluateNowAsync(GroupRef group, CancellationToken cancellationToken)
    {
        var definition = await groups.FindAsync(group, cancellationToken) ?? throw new InvalidOperationException($"no group {group}");
        return _states[group] = await runner.RunAsync(definition, await GetStateAsync(group, cancellationToken), cancellationToken);
    }
}

/// <summary>Answers instant queries from a function of the expression and time.</summary>
public sealed class FakePromQueryClient : IPromQueryClient
{
    public Func<string, DateTimeOffset, PromQueryAnswer> Answer { get; set; } = (_, _) => PromQueryAnswer.Of([]);

    public ConcurrentQueue<(string Expression, DateTimeOffset Time)> Queries { get; } = new();

    public Task<PromQueryAnswer> QueryAsync(string expression, DateTimeOffset time, CancellationToken cancellationToken)
    {
        Queries.Enqueue((expression, time));
        return Task.FromResult(Answer(expression, time));
    }
}

/// <summary>Keeps every sample written, with its timestamp; with <see cref="FailWith"/> set, every write fails as metrics-service unreachable would.</summary>
public sealed class RecordingSeriesWriter : ISeriesWriter
{
    public ConcurrentQueue<(PromSample Sample, DateTimeOffset Timestamp)> Written { get; } = new();

    public string? FailWith { get; set; }

    public Task WriteAsync(IReadOnlyList<PromSample> series, DateTimeOffset timestamp, CancellationToken cancellationToken)
    {
        if (FailWith is { } error && series.Count > 0) throw new AirisEpm.ServiceDefaults.Dapr.ServiceCallException(error);
        foreach (var sample in series) Written.Enqueue((sample, timestamp));
        return Task.CompletedTask;
    }
}
