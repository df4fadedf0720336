using System.Globalization;
using System.Text;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace AirisEpm.AlertService.Rules;

/// <summary>
/// Reads <c>GET /api/v1/measures</c> from trace-service by Dapr service invocation, with a service token for
/// trace-service only; every way of not getting an answer becomes a <see cref="TraceQueryFailedException"/>.
/// </summary>
public sealed class DaprTraceMeasureClient(IConfiguration configuration, ServiceTokenIssuer tokens, IOptions<RuleEvaluationOptions> options)
    : ITraceMeasureClient, IDisposable
{
    private static readonly string[] QueryPermissions = [Permissions.TracesRead];
    private readonly ServiceCaller _traces = new(AppIds.TraceService, configuration, tokens, options.Value.QueryTimeout, options.Value.MaxConcurrentQueries);

    public async Task<TraceMeasures> MeasureAsync(string? service, string? from, string? to, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var path = new StringBuilder("/api/v1/measures?");
        path.Append(CultureInfo.InvariantCulture, $"start={start.ToUnixTimeMilliseconds()}&end={end.ToUnixTimeMilliseconds()}");
        if (service is not null) path.Append("&service=").Append(Uri.EscapeDataString(service));
        if (from is not null) path.Append("&from=").Append(Uri.EscapeDataString(from));
        if (to is not null) path.Append("&to=").Append(Uri.EscapeDataString(to));
        try
        {
            return await _traces.GetJsonAsync<TraceMeasures>(path.ToString(), QueryPermissions, cancellationToken);
        }
        catch (ServiceCallException ex)
        {
            throw new TraceQueryFailedException(ex.Message, ex);
        }
    }

    public void Dispose() => _traces.Dispose();
}
