using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace AirisEpm.ServiceDefaults.Hosting;

/// <summary>
/// A second, HTTP/2-only port for OTLP/gRPC. gRPC clients (the OpenTelemetry SDKs, the Collector) speak
/// cleartext HTTP/2 with prior knowledge, which Kestrel serves only on an HTTP/2-only endpoint; the app
/// port stays HTTP/1.1 for the sidecar, browsers and curl. The port comes from <see cref="PortKey"/>
/// (env <c>Otlp__GrpcPort</c>); unset or 0 means no gRPC port.
/// </summary>
public static class OtlpGrpcPort
{
    public const string PortKey = "Otlp:GrpcPort";

    public static WebApplicationBuilder AddOtlpGrpcPort(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var port = builder.Configuration.GetValue<int?>(PortKey) ?? 0;
        if (port is < 0 or > 65535)
        {
            throw new InvalidOperationException($"{PortKey} is {port}: give a TCP port (1-65535), or 0 for none.");
        }

        if (port == 0)
        {
            return builder;
        }

        // Endpoints declared in code replace the hosting URLs (--urls, ASPNETCORE_URLS), so they are declared
        // here again; Kestrel says so once at start ("Overriding address(es) ..."), which is expected.
        var urls = (builder.Configuration[WebHostDefaults.ServerUrlsKey] ?? "http://localhost:5000")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(BindingAddress.Parse)
            .ToList();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var url in urls)
            {
                Listen(kestrel, url.Host, url.Port, o =>
                {
                    if (url.Scheme == Uri.UriSchemeHttps)
                    {
                        o.UseHttps();
                    }
                });
            }

            Listen(kestrel, urls.Count > 0 ? urls[0].Host : "localhost", port, o => o.Protocols = HttpProtocols.Http2);
        });
        return builder;
    }

    private static void Listen(KestrelServerOptions kestrel, string host, int port, Action<ListenOptions> configure)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(port, configure);
        }
        else if (host is "*" or "+" || !IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            // A host name other than localhost binds every interface, as Kestrel does for --urls.
            kestrel.ListenAnyIP(port, configure);
        }
        else
        {
            kestrel.Listen(address, port, configure);
        }
    }
}
