using System.Net;
using System.Net.Sockets;
using AirisEpm.LogService.Syslog;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static AirisEpm.LogService.Tests.Functional.LogApiJson;

namespace AirisEpm.LogService.Tests.Syslog;

/// <summary>log-service in memory with its syslog listener on a free loopback port.</summary>
public sealed class SyslogServiceFactory : ServiceFactory<Program>
{
    public SyslogServiceFactory()
    {
        With("Logs:Syslog:Enabled", "true");
        With("Logs:Syslog:Port", "0");
        With("Logs:Syslog:RecordFlushDelay", "00:00:00.100");
    }

    /// <summary>The listener's bound endpoint (starts the host).</summary>
    public IPEndPoint EndPoint => (IPEndPoint)(Services.GetRequiredService<SyslogListener>().LocalEndPoint
        ?? throw new InvalidOperationException("the syslog listener is not bound"));

    public HttpClient Reader() => CreateClient().WithToken(Permissions.LogsRead);

    /// <summary>Connects, writes each chunk as its own send, closes its side, and waits until the listener closes too.</summary>
    public async Task SendAsync(params byte[][] chunks)
    {
        using var client = await ConnectAsync();
        var stream = client.GetStream();
        foreach (var chunk in chunks)
        {
            await stream.WriteAsync(chunk, Ct);
            await stream.FlushAsync(Ct);
        }
        client.Client.Shutdown(SocketShutdown.Send);
        await ClosedByPeerAsync(client, TimeSpan.FromSeconds(10));
    }

    public async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(EndPoint, Ct);
        return client;
    }

    /// <summary>True when the listener closed the connection within <paramref name="timeout"/>.</summary>
    public static async Task<bool> ClosedByPeerAsync(TcpClient client, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(timeout);
        var buffer = new byte[16];
        try
        {
            while (await client.Client.ReceiveAsync(buffer, SocketFlags.None, deadline.Token) > 0)
            {
            }
            return true;
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
