using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Testing.Targets;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port, with the endpoints a test maps (see <see cref="TargetBehaviors"/>),
/// recording every request it receives before the endpoint runs.
/// </summary>
public sealed class LoopbackTarget : IAsyncDisposable
{
    // Test bodies are small; a cap keeps a runaway client from filling memory.
    private const int MaxRecordedBodyBytes = 1024 * 1024;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TimeProvider _timeProvider;

    private LoopbackTarget(WebApplication app, TimeProvider timeProvider)
    {
        _app = app;
        _timeProvider = timeProvider;
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:43121/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The port Kestrel bound.</summary>
    public int Port => BaseAddress.Port;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Starts a server whose endpoints <paramref name="map"/> adds.</summary>
    public static async Task<LoopbackTarget> StartAsync(Action<IEndpointRouteBuilder> map, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.ListenOnLoopback();
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var app = builder.Build();
        var target = new LoopbackTarget(app, timeProvider ?? TimeProvider.System);
        app.Use(target.RecordAsync);
        map(app);
        await app.StartAsync().ConfigureAwait(false);

        target.BaseAddress = app.BaseAddress();
        return target;
    }

    /// <summary>The absolute URL of <paramref name="path"/> on this server.</summary>
    public Uri UrlFor(string path) => new(BaseAddress, path.TrimStart('/'));

    /// <summary>The requests received on <paramref name="path"/>.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string path) =>
        [.. _requests.Where(r => string.Equals(r.Path, "/" + path.TrimStart('/'), StringComparison.Ordinal))];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        var receivedAt = _timeProvider.GetUtcNow();
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while (body.Length < MaxRecordedBodyBytes
            && (read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            body.Write(buffer, 0, read);
        }

        var headers = context.Request.Headers.ToDictionary(
            h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(
            context.Request.Method, context.Request.Path.Value ?? "/", headers, body.ToArray(), receivedAt));
        await next(context).ConfigureAwait(false);
    }
}
