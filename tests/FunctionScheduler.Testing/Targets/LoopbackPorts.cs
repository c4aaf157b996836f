using System.Net;
using System.Net.Sockets;

namespace FunctionScheduler.Testing.Targets;

/// <summary>Loopback ports for connection-failure tests.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// A port on 127.0.0.1 that was just free and is now closed, so connecting to it is refused (another process
    /// could take it in between; on a test machine that is rare enough).
    /// </summary>
    public static int Closed()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
