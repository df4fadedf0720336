using System.Globalization;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Counts through log-service's search (<c>/api/v1/logs/search?limit=1</c>: its total) by Dapr service
/// invocation, with a service token for log-service only. A refused query (400) names the problem; every
/// way of not getting an answer becomes a <see cref="LogQueryFailedException"/>.
/// </summary>
public sealed class DaprLogCountClient(IConfiguration configuration, ServiceTokenIssuer tokens, IOptions<RuleEvaluationOptions> options)
    : ILogCountClient, IDisposable
{
    private static readonly string[] QueryPermissions = [Permissions.LogsRead];
    private readonly ServiceCaller _logs = new(AppIds.LogService, configuration, tokens, options.Value.QueryTimeout, options.Value.MaxConcurrentQueries);

    public async Task<LogCount> CountAsync(string query, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture,
            $"/api/v1/logs/search?limit=1&q={Uri.EscapeDataString(query)}&start={start.ToUnixTimeMilliseconds()}&end={end.ToUnixTimeMilliseconds()}");
        try
        {
            var body = await _logs.GetJsonAsync<SearchTotal>(path, QueryPermissions, cancellationToken);
            return new LogCount(body.Total, body.TotalIsLowerBound);
        }
        catch (ServiceCallException ex)
        {
            throw new LogQueryFailedException(ex.Status == 400 ? "log-service refused the query: " + ex.Message : ex.Message, ex);
        }
    }

    public void Dispose() => _logs.Dispose();

    private sealed record SearchTotal(long Total, bool TotalIsLowerBound);
}
