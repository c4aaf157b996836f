using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FunctionScheduler.Testing.Targets;

/// <summary>
/// A raw HTTP/1.1 responder on 127.0.0.1 that answers the first request with a 200 and a large body of 'x', counting
/// the body bytes the kernel accepted before the client went away.
/// </summary>
/// <remarks>
/// Not Kestrel on purpose: once a client drops the connection Kestrel completes further writes as no-ops until it
/// signals the abort, so a count taken in an endpoint overstates what was sent. A socket send fails instead.
/// </remarks>
public sealed class HugeResponseListener : IAsyncDisposable
{
    private const int ChunkBytes = 64 * 1024;
    private const int MaxRequestHeadBytes = 64 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serve;
    private long _bytesSent;

    /// <summary>Starts listening; the body will be <paramref name="totalBytes"/> long.</summary>
    public HugeResponseListener(long totalBytes)
    {
        TotalBytes = totalBytes;
        _listener.Start();
        BaseAddress = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture) + "/");
        _serve = ServeAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>The body length announced in Content-Length.</summary>
    public long TotalBytes { get; }

    /// <summary>Body bytes the kernel accepted: what the client read, plus what sits in socket buffers.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Completes when the response ended: all sent, or the client closed the connection.</summary>
    public Task Finished => _serve;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _serve.ConfigureAwait(false);
        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        try
        {
            using var socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            await ReadRequestHeadAsync(socket).ConfigureAwait(false);
            var head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                + TotalBytes.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n";
            await socket.SendAsync(Encoding.ASCII.GetBytes(head), SocketFlags.None, _stop.Token).ConfigureAwait(false);

            var chunk = new byte[ChunkBytes];
            Array.Fill(chunk, (byte)'x');
            while (BytesSent < TotalBytes)
            {
                var count = (int)Math.Min(chunk.Length, TotalBytes - BytesSent);
                var sent = await socket.SendAsync(chunk.AsMemory(0, count), SocketFlags.None, _stop.Token).ConfigureAwait(false);
                Interlocked.Add(ref _bytesSent, sent);
            }
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client closed the connection (the point of the exercise), or the listener was disposed.
        }
    }

    private async Task ReadRequestHeadAsync(Socket socket)
    {
        var head = new List<byte>();
        var buffer = new byte[4096];
        while (head.Count < MaxRequestHeadBytes)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            head.AddRange(buffer.AsSpan(0, read));
            if (Encoding.ASCII.GetString(head.ToArray()).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                return;
            }
        }
    }
}
