using System.ComponentModel.DataAnnotations;

namespace AirisEpm.ServiceDefaults.Http;

/// <summary>Section <c>Http</c>: limits and browser access for every service.</summary>
public sealed class HttpLimitsOptions
{
    public const string Section = "Http";

    /// <summary>Default body limit; ingest endpoints set their own with RequestSizeLimit metadata.</summary>
    [Range(1, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1 * 1024 * 1024;

    /// <summary>Requests a client (token subject, else remote address) may make per second.</summary>
    [Range(1, int.MaxValue)]
    public int PermitsPerSecond { get; set; } = 1000;

    /// <summary>Burst allowance above the per-second rate.</summary>
    [Range(1, int.MaxValue)]
    public int Burst { get; set; } = 2000;

    /// <summary>Origins allowed by CORS (for dashboards such as Grafana served elsewhere).</summary>
    public string[] CorsOrigins { get; set; } = [];
}
