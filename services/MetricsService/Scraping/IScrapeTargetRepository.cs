namespace AirisEpm.MetricsService.Scraping;

/// <summary>Where scrape targets are kept (the Dapr state store in the service).</summary>
public interface IScrapeTargetRepository
{
    Task<IReadOnlyList<ScrapeTarget>> ListAsync(CancellationToken cancellationToken);

    Task<ScrapeTarget?> GetAsync(string id, CancellationToken cancellationToken);

    Task SaveAsync(ScrapeTarget target, CancellationToken cancellationToken);

    /// <summary>Returns false when there was no such target.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
