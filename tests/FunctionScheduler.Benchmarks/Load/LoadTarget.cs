using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using FunctionScheduler.Core.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Benchmarks.Load;

/// <summary>
/// The fires' receiver: a minimal Kestrel endpoint on 127.0.0.1 that answers 200 at once and notes, per fire, when
/// it arrived and how late that was against the scheduled instant the scheduler sent, plus its run id.
/// </summary>
internal sealed class LoadTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedFire> _fires = new();
    private readonly ConcurrentDictionary<string, byte> _runIds = new(StringComparer.Ordinal);
    private long _duplicates;

    private LoadTarget(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public int Count => _fires.Count;

    public static async Task<LoadTarget> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var target = new LoadTarget(app);
        app.MapPost("/fire", target.Receive);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        target.Url = new Uri(address.TrimEnd('/') + "/fire");
        return target;
    }

    /// <summary>The fires that arrived in [from, to).</summary>
    public IReadOnlyList<ReceivedFire> Between(DateTimeOffset from, DateTimeOffset to) =>
        [.. _fires.Where(f => f.ReceivedAt >= from && f.ReceivedAt < to)];

    public void Clear()
    {
        _fires.Clear();
        _runIds.Clear();
        Interlocked.Exchange(ref _duplicates, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Receive(HttpRequest request)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var scheduledAt = DateTimeOffset.Parse(request.Headers[SchedulerHeaders.ScheduledAt].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var runId = request.Headers[SchedulerHeaders.RunId].ToString();
        if (!_runIds.TryAdd(runId, 0))
        {
            Interlocked.Increment(ref _duplicates);
        }

        _fires.Enqueue(new ReceivedFire(receivedAt, (receivedAt - scheduledAt).TotalMilliseconds));
        return Results.Ok();
    }
}

/// <summary>One fire as the target saw it.</summary>
internal readonly record struct ReceivedFire(DateTimeOffset ReceivedAt, double LatenessMs);
