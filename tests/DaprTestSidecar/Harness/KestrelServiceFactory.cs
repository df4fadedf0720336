using System.Net;
using AirisEpm.TestSupport;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace AirisEpm.DaprTestSidecar.Harness;

/// <summary>Runs a service's real Program on real Kestrel, on a free loopback port.</summary>
public sealed class KestrelServiceFactory<TProgram> : ServiceFactory<TProgram>
    where TProgram : class
{
    private ListenOptions? _listen;

    public KestrelServiceFactory() => UseKestrel(k => k.Listen(IPAddress.Loopback, 0, o => _listen = o));

    public Uri Start()
    {
        StartServer();
        return new Uri($"http://127.0.0.1:{_listen!.IPEndPoint!.Port}/");
    }
}
