using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace AirisEpm.MetricsService.Prometheus;

/// <summary>
/// Lets Prometheus clients that can only send HTTP Basic authentication (promtool 2.42 takes credentials only in the
/// server URL, <c>http://user:token@host</c>) call the Prometheus API: the Basic password is read as the bearer token,
/// checked like any other; the user name is ignored. Only on the Prometheus API's paths, and only when no bearer
/// token was sent.
/// </summary>
public static class BasicAuthBearer
{
    public static readonly string[] Paths =
    [
        "/api/v1/query", "/api/v1/query_range", "/api/v1/query_exemplars", "/api/v1/format_query", "/api/v1/parse_query",
        "/api/v1/series", "/api/v1/labels", "/api/v1/label/", "/api/v1/metadata", "/api/v1/status/buildinfo",
        "/api/v1/rules", "/api/v1/alerts",
    ];

    public static void Install(JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Events ??= new JwtBearerEvents();
        var earlier = options.Events.OnMessageReceived;
        options.Events.OnMessageReceived = async context =>
        {
            await earlier(context);
            if (context.Token is null && IsPrometheusApi(context.Request.Path) && PasswordOf(context.Request.Headers.Authorization) is { } token)
            {
                context.Token = token;
            }
        };
    }

    public static bool IsPrometheusApi(PathString path) =>
        Paths.Any(p => p.EndsWith('/') ? path.StartsWithSegments(p.TrimEnd('/'), StringComparison.Ordinal) : path.Equals(p, StringComparison.Ordinal));

    /// <summary>The password of <c>Basic base64(user:password)</c>, or null for any other header.</summary>
    public static string? PasswordOf(string? authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return null;
        }

        var decoded = new byte[(header.Parameter.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(header.Parameter, decoded, out var length))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(decoded, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && colon < text.Length - 1 ? text[(colon + 1)..] : null;
    }
}
