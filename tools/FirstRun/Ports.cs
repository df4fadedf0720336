using System.Net;
using System.Net.Sockets;

namespace AirisEpm.FirstRun;

/// <summary>Whether a port is free on loopback (IPv4 and, where the machine has it, IPv6), as Kestrel binds localhost.</summary>
public static class Ports
{
    public static bool IsFree(int port) =>
        CanBind(IPAddress.Loopback, port) && (!Socket.OSSupportsIPv6 || CanBind(IPAddress.IPv6Loopback, port));

    private static bool CanBind(IPAddress address, int port)
    {
        var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressNotAvailable)
        {
            // No such address on this machine (IPv6 loopback disabled): nothing can be listening there.
            return true;
        }
        finally
        {
            listener.Stop();
        }
    }
}
