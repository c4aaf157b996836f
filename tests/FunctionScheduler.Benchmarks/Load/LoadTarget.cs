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
/// The fires' receiver: a minimal Kestrel endpoint on 127.0.0.1 that answers 200 (at once, or after a set delay)
/// and notes, per fire, when it arrived, the task, run id and scheduled instant the scheduler sent, and how late
/// it was against that instant.
/// </summary>
internal sealed class LoadTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeSpan _responseDelay;
    private readonly ConcurrentQueue<ReceivedFire> _fires = new();
    private readonly ConcurrentDictionary<string, byte> _runIds = new(StringComparer.Ordinal);
    private long _duplicates;

    private LoadTarget(WebApplication app, TimeSpan responseDelay)
    {
        _app = app;
        _responseDelay = responseDelay;
    }

    public Uri Url { get; private set; } = null!;

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public int Count => _fires.Count;

    /// <param name="responseDelay">How long each call is held before the answer (the chaos harness keeps claims open with it).</param>
    public static async Task<LoadTarget> StartAsync(TimeSpan responseDelay = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var target = new LoadTarget(app, responseDelay);
        app.MapPost("/fire", target.Receive);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        target.Url = new Uri(address.TrimEnd('/') + "/fire");
        return target;
    }

    /// <summary>The fires that arrived in [from, to).</summary>
    public IReadOnlyList<ReceivedFire> Between(DateTimeOffset from, DateTimeOffset to) =>
        [.. _fires.Where(f => f.ReceivedAt >= from && f.ReceivedAt < to)];

    /// <summary>Every fire received so far.</summary>
    public IReadOnlyList<ReceivedFire> All => [.. _fires];

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

    private async Task<IResult> Receive(HttpRequest request)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var scheduledAt = DateTimeOffset.Parse(request.Headers[SchedulerHeaders.ScheduledAt].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var runId = request.Headers[SchedulerHeaders.RunId].ToString();
        if (!_runIds.TryAdd(runId, 0))
        {
            Interlocked.Increment(ref _duplicates);
        }

        var taskId = request.Headers[SchedulerHeaders.TaskId].ToString();
        _fires.Enqueue(new ReceivedFire(receivedAt, (receivedAt - scheduledAt).TotalMilliseconds, taskId, runId, scheduledAt));
        if (_responseDelay > TimeSpan.Zero)
        {
            await Task.Delay(_responseDelay, request.HttpContext.RequestAborted);
        }

        return Results.Ok();
    }
}

/// <summary>One fire as the target saw it.</summary>
internal readonly record struct ReceivedFire(DateTimeOffset ReceivedAt, double LatenessMs, string TaskId, string RunId, DateTimeOffset ScheduledAt);
