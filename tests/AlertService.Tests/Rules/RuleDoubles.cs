using System.Collections.Concurrent;
using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Alerts;
using AirisEpm.AlertService.Domain.Rules;
using AirisEpm.AlertService.Rules;
using AirisEpm.ServiceDefaults.Events;

namespace AirisEpm.AlertService.Tests.Rules;

/// <summary>Rules in memory with state-store-like ETags (a counter per write).</summary>
public sealed class InMemoryRuleRepository : IRuleRepository
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, StoredRule> _rules = new(StringComparer.Ordinal);
    private long _etag;

    public Task<IReadOnlyList<StoredRule>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<StoredRule>>(_rules.Values.ToList());
    }

    public Task<StoredRule?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_rules.GetValueOrDefault(id));
    }

    public Task<StoredRule> CreateAsync(string id, RuleDocument rule, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_rules[id] = new StoredRule(id, rule, (++_etag).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public Task<RuleWrite> UpdateAsync(string id, RuleDocument rule, string? ifMatch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_rules.TryGetValue(id, out var current)) return Task.FromResult(RuleWrite.NotFound);
            if (ifMatch is not null && ifMatch != current.ETag) return Task.FromResult(RuleWrite.PreconditionFailed);
            var saved = _rules[id] = new StoredRule(id, rule, (++_etag).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Task.FromResult(new RuleWrite(RuleWriteOutcome.Done, saved));
        }
    }

    public Task<RuleWrite> DeleteAsync(string id, string? ifMatch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_rules.TryGetValue(id, out var current)) return Task.FromResult(RuleWrite.NotFound);
            if (ifMatch is not null && ifMatch != current.ETag) return Task.FromResult(RuleWrite.PreconditionFailed);
            _rules.Remove(id);
            return Task.FromResult(new RuleWrite(RuleWriteOutcome.Done, current));
        }
    }
}

/// <summary>The streaming rule set in memory, with the store's contract: a change is atomic.</summary>
public sealed class InMemoryStreamingRuleStore : IStreamingRuleStore
{
    private readonly Lock _gate = new();

    public StreamingRuleSet Current { get; private set; } = StreamingRuleSet.Empty;

    /// <summary>Runs before each read returns, standing in for a writer that acts between a read and a save.</summary>
    public Func<Task>? AfterRead { get; set; }

    public async Task<StreamingRuleSet> ReadAsync(CancellationToken cancellationToken)
    {
        StreamingRuleSet current;
        lock (_gate) current = Current;
        if (AfterRead is { } interleave) await interleave();
        return current;
    }

    public Task<StreamingRuleSet?> UpdateAsync(Func<StreamingRuleSet, StreamingRuleSet?> change, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (change(Current) is not { } next) return Task.FromResult<StreamingRuleSet?>(null);
            return Task.FromResult<StreamingRuleSet?>(Current = next);
        }
    }
}

/// <summary>
/// Rule evaluation without actors: state kept in memory, evaluation through the application's real
/// <see cref="RuleRunner"/>, and a record of which rules run.
/// </summary>
public sealed class InlineRuleScheduler(IRuleRepository rules, RuleRunner runner) : IRuleScheduler
{
    private readonly ConcurrentDictionary<string, RuleState> _states = new();

    private readonly Lock _gate = new();

    public ConcurrentDictionary<string, int> Running { get; } = new();

    /// <summary>How many of the next starts throw, as an actor call does while the sidecar is down.</summary>
    public int FailingStarts { get; set; }

    public Task StartAsync(string ruleId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (FailingStarts > 0)
            {
                FailingStarts--;
                throw new HttpRequestException("sidecar unreachable");
            }
        }

        Running.AddOrUpdate(ruleId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public async Task StopAsync(string ruleId, CancellationToken cancellationToken)
    {
        Running.TryRemove(ruleId, out _);
        if (_states.TryRemove(ruleId, out var state)) await runner.MarkGoneAsync(state, cancellationToken);
    }

    public Task<RuleState> GetStateAsync(string ruleId, CancellationToken cancellationToken) =>
        Task.FromResult(_states.GetValueOrDefault(ruleId) ?? RuleState.Initial);

    public async Task<RuleState> EvaluateNowAsync(string ruleId, CancellationToken cancellationToken)
    {
        var stored = await rules.GetAsync(ruleId, cancellationToken) ?? throw new InvalidOperationException($"no rule {ruleId}");
        var rule = RuleDocumentMapper.Map(stored.Id, stored.Rule).Rule!;
        var step = await runner.RunAsync(rule, await GetStateAsync(ruleId, cancellationToken), cancellationToken);
        return _states[ruleId] = step.State;
    }
}

public sealed class RecordingEventBus : IEventBus
{
    public ConcurrentQueue<IntegrationEvent> Published { get; } = new();

    public Task PublishAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken = default)
        where TEvent : IntegrationEvent
    {
        Published.Enqueue(integrationEvent);
        return Task.CompletedTask;
    }
}

public sealed class RecordingIntake : IAlertIntake
{
    public List<PostedAlert> Submitted { get; } = [];

    public Task SubmitAsync(IReadOnlyList<PostedAlert> alerts, CancellationToken cancellationToken)
    {
        Submitted.AddRange(alerts);
        return Task.CompletedTask;
    }
}

/// <summary>Answers queries from a function of the query (or throws what it returns as an exception).</summary>
public sealed class FakeMetricQueryClient(Func<MetricQuery, MetricQueryResult> answer) : IMetricQueryClient
{
    public List<MetricQuery> Queries { get; } = [];

    public Task<MetricQueryResult> QueryAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        Queries.Add(query);
        return Task.FromResult(answer(query));
    }
}

/// <summary>Answers log counts from a function of the query and window (or throws what it throws).</summary>
public sealed class FakeLogCountClient(Func<string, DateTimeOffset, DateTimeOffset, LogCount> answer) : ILogCountClient
{
    public List<(string Query, DateTimeOffset Start, DateTimeOffset End)> Queries { get; } = [];

    public Task<LogCount> CountAsync(string query, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        Queries.Add((query, start, end));
        return Task.FromResult(answer(query, start, end));
    }
}

public sealed class FakeTraceMeasureClient(Func<string?, string?, string?, TraceMeasures> answer) : ITraceMeasureClient
{
    public List<(string? Service, string? From, string? To, DateTimeOffset Start, DateTimeOffset End)> Queries { get; } = [];

    public Task<TraceMeasures> MeasureAsync(string? service, string? from, string? to, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        Queries.Add((service, from, to, start, end));
        return Task.FromResult(answer(service, from, to));
    }
}
