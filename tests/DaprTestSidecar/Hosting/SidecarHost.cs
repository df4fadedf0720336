using System.Net;
using AirisEpm.DaprTestSidecar.GrpcApi;
using AirisEpm.DaprTestSidecar.Http;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AirisEpm.DaprTestSidecar.Hosting;

/// <summary>The Kestrel host of one sidecar: gRPC over HTTP/2 cleartext on one port, the HTTP API on another.</summary>
internal static class SidecarHost
{
    public static async Task<(WebApplication Host, int HttpPort, int GrpcPort)> StartAsync(TestSidecar sidecar)
    {
        var builder = WebApplication.CreateSlimBuilder();
        ListenOptions? http = null;
        ListenOptions? grpc = null;
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, o => { o.Protocols = HttpProtocols.Http2; grpc = o; });
            kestrel.Listen(IPAddress.Loopback, 0, o => { o.Protocols = HttpProtocols.Http1AndHttp2; http = o; });
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(sidecar);
        builder.Services.AddGrpc(o => o.Interceptors.Add<DaprErrorInterceptor>());
        builder.Services.AddSingleton<IServiceMethodProvider<DaprGrpcService>, DaprGrpcMethods>();
        builder.Services.AddSingleton<DaprGrpcService>();

        var app = builder.Build();
        app.UseMiddleware<DaprHttpErrorMiddleware>();
        app.UseMiddleware<AppIdHeaderInvocationMiddleware>();
        app.UseRouting();
        app.MapGrpcService<DaprGrpcService>();
        app.MapDaprHttpApi();
        await app.StartAsync(sidecar.Mesh.Stopping);
        return (app, http!.IPEndPoint!.Port, grpc!.IPEndPoint!.Port);
    }
}
