using AirisEpm.AlertService.Domain.Correlation;

namespace AirisEpm.AlertService.Application;

/// <summary>
/// The service dependency graph as trace-service saw it over [start, end): every caller → callee edge with calls in
/// that window. Null when trace-service cannot answer (down, slow, no token), so callers fall back to what alerts'
/// <c>service</c>/<c>upstream</c> labels say.
/// </summary>
public interface IServiceGraphSource
{
    Task<ServiceGraph?> GraphAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);
}
