using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace AirisEpm.TestSupport;

/// <summary>
/// Calls every endpoint a host maps (read from its <see cref="EndpointDataSource"/>s, so an endpoint
/// added tomorrow is swept too), with every HTTP method it declares and no credentials, and lists
/// those that do not answer 401. Route parameters get a value their constraint accepts.
/// </summary>
public static class EndpointSweep
{
    /// <summary>
    /// The only routes anyone may call: liveness for Dapr's app health check and the kubelet;
    /// /metrics for Prometheus scrapes (counters and latencies of the service itself, no user data,
    /// the convention of every Prometheus exporter); the OpenAPI description, which holds no data.
    /// </summary>
    public static readonly IReadOnlySet<string> Anonymous = new HashSet<string>(StringComparer.Ordinal)
    {
        "/healthz",
        "/metrics",
        "/openapi/{documentName}.json",
    };

    /// <param name="alsoAnonymous">Route templates a host opens on purpose beyond <see cref="Anonymous"/> (the console's sign-in).</param>
    public static async Task<IReadOnlyList<string>> FindUnguardedAsync(
        IServiceProvider services, HttpClient client, CancellationToken ct, IReadOnlySet<string>? alsoAnonymous = null)
    {
        var endpoints = services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .ToList();
        if (endpoints.Count == 0) throw new InvalidOperationException("The host maps no endpoints; the sweep would prove nothing.");

        var open = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (Anonymous.Contains(template) || alsoAnonymous?.Contains(template) == true) continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared
                ? declared
                : [HttpMethods.Get, HttpMethods.Post];
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Fill(endpoint.RoutePattern));
                using var response = await client.SendAsync(request, ct);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    open.Add($"{method} {template} ({request.RequestUri}) answered {(int)response.StatusCode}");
                }
            }
        }

        return open;
    }

    private static string Fill(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => SampleValue(parameter),
            _ => "x",
        })));
        return "/" + string.Join('/', segments);
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (constraints.Any(c => c is "int" or "long" or "min(0)" || c.StartsWith("range", StringComparison.Ordinal))) return "1";
        if (constraints.Contains("guid")) return Guid.NewGuid().ToString();
        if (constraints.Contains("bool")) return "true";
        return "sample";
    }
}
