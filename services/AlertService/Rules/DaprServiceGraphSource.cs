using AirisEpm.AlertService.Application;
using AirisEpm.AlertService.Domain.Correlation;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Reads trace-service's <c>GET /api/v1/dependencies</c> by Dapr service invocation with a <c>traces:read</c> token for
/// trace-service only (as <see cref="DaprTraceMeasureClient"/> reads measures). Every way of not getting an answer is
/// logged and answered null: correlation then uses the alerts' labels, and a page is never held up by the graph.
/// </summary>
public sealed partial class DaprServiceGraphSource(
    IConfiguration configuration, ServiceTokenIssuer tokens, IOptions<RuleEvaluationOptions> options, ILogger<DaprServiceGraphSource> logger)
    : IServiceGraphSource, IDisposable
{
    private static readonly string[] QueryPermissions = [Permissions.TracesRead];
    private readonly ServiceCaller _traces = new(AppIds.TraceService, configuration, tokens, options.Value.QueryTimeout, options.Value.MaxConcurrentQueries);

    public async Task<ServiceGraph?> GraphAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        try
        {
            var graph = await _traces.GetJsonAsync<GraphAnswer>(
                $"/api/v1/dependencies?start={start.ToUnixTimeMilliseconds()}&end={end.ToUnixTimeMilliseconds()}", QueryPermissions, cancellationToken);
            return ServiceGraph.FromEdges((graph.Edges ?? []).Where(e => e.From is not null && e.To is not null).Select(e => (e.From!, e.To!)));
        }
        catch (ServiceCallException ex)
        {
            LogUnanswered(logger, ex.Message);
            return null;
        }
    }

    public void Dispose() => _traces.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "trace-service gave no dependency graph ({Reason}); correlating by the alerts' service/upstream labels")]
    private static partial void LogUnanswered(ILogger logger, string reason);

    private sealed record GraphAnswer(IReadOnlyList<EdgeAnswer>? Edges);

    private sealed record EdgeAnswer(string? From, string? To);
}
