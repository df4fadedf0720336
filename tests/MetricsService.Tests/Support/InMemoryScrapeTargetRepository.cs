using System.Collections.Concurrent;
using AirisEpm.MetricsService.Scraping;

namespace AirisEpm.MetricsService.Tests.Support;

/// <summary>The state store at the edge of scraping tests (the Dapr implementation is exercised through the sidecar double).</summary>
public sealed class InMemoryScrapeTargetRepository : IScrapeTargetRepository
{
    private readonly ConcurrentDictionary<string, ScrapeTarget> _targets = new();

    public Task<IReadOnlyList<ScrapeTarget>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ScrapeTarget>>([.. _targets.Values.OrderBy(t => t.Id, StringComparer.Ordinal)]);

    public Task<ScrapeTarget?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_targets.GetValueOrDefault(id));

    public Task SaveAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        _targets[target.Id] = target;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_targets.TryRemove(id, out _));
}
