using System.Net;
using System.Net.Sockets;

namespace Linli.Tests.Infrastructure;

/// <summary>Ports on loopback for the throwaway servers the tests start (PostgreSQL, Redis, SMTP, nginx, Linli).</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on now: the system picks it, the listener is closed at once.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Waits (up to 100 tries, 50 ms apart) until something accepts connections on <paramref name="port"/>; false if
    /// it never did. <paramref name="stillRunning"/> is asked before each try, so a server that died is not waited for.
    /// </summary>
    public static async Task<bool> WaitUntilListeningAsync(int port, Func<bool> stillRunning)
    {
        for (var i = 0; i < 100 && stillRunning(); i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        return false;
    }
}
