using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// Enforces <see cref="TargetAddressPolicy"/> where it cannot be bypassed: in the connect step of the targets'
/// <see cref="SocketsHttpHandler"/>. The host is resolved here, every address checked, and the socket connected to
/// an allowed address of that same resolution, so a DNS answer that changes between a check and the connection
/// (DNS rebinding) gains nothing.
/// </summary>
public sealed class OutboundGuard
{
    private readonly TargetAddressPolicy _policy;
    private readonly ILogger<OutboundGuard> _logger;

    /// <summary>A guard applying <paramref name="policy"/>.</summary>
    public OutboundGuard(TargetAddressPolicy policy, ILogger<OutboundGuard> logger)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// The primary handler of the targets' named HttpClient: guarded connects, no redirects followed, no proxy (a proxy
    /// would make the guard check the proxy instead of the target), no cookies shared between tasks, and no trace
    /// headers of its own (the invoker sends the attempt span's traceparent).
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ActivityHeadersPropagator = null,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),

        // A truncated response is dropped rather than drained beyond this, so a huge body costs little.
        MaxResponseDrainSize = 64 * 1024,
    };

    /// <summary>
    /// Resolves the endpoint's host and connects to the first allowed address that answers; refuses the target, before
    /// any connection, when none of its addresses is allowed.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var host = endpoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);

        var allowed = new List<IPAddress>(addresses.Length);
        string? firstRefusal = null;
        IPAddress? firstRefused = null;
        foreach (var address in addresses)
        {
            if (_policy.Refusal(host, address) is { } refusal)
            {
                firstRefusal ??= refusal;
                firstRefused ??= address;
            }
            else
            {
                allowed.Add(address);
            }
        }

        // Only the addresses checked above are ever connected to; refused ones among them are skipped.
        if (allowed.Count == 0)
        {
            var reason = firstRefusal ?? "it resolves to no address";
            TargetLog.TargetRefused(_logger, host, reason);
            throw new TargetRefusedException(host, firstRefused, "Target '" + host + "' refused: " + reason + ".");
        }

        return await ConnectToFirstAsync(allowed, endpoint.Port, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Stream> ConnectToFirstAsync(List<IPAddress> addresses, int port, CancellationToken cancellationToken)
    {
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch (OperationCanceledException)
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}
