using FunctionScheduler.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Liveness;

/// <summary>
/// One host's side of liveness: each beat writes its own record (one upsert), reads everyone's (one query) and
/// judges them with <see cref="HostLiveness"/>. That is the whole storage cost: claims name their host and are
/// never rewritten to stay alive, so it does not grow with the number of tasks or claims. The runtime calls
/// <see cref="BeatAsync"/> on its own timer.
/// </summary>
public sealed partial class HostHeartbeat : IDisposable
{
    private readonly IHostRegistry _registry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HostLiveness _liveness;
    private readonly DateTimeOffset _startedAt;
    private readonly TimeSpan _timeout;

    // Beats are taken one at a time (the periodic one and a runtime's extra one when it starts stopping).
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _registered;

    /// <param name="hostId">This host's claimant id.</param>
    /// <param name="timeout">How long another host's heartbeat may stay unchanged before it counts as gone.</param>
    public HostHeartbeat(IHostRegistry registry, string hostId, TimeSpan timeout, TimeProvider time, ILogger<HostHeartbeat> logger)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _registry = registry;
        _time = time;
        _logger = logger;
        _liveness = new HostLiveness(hostId, timeout);
        _timeout = timeout;
        _startedAt = time.GetUtcNow();
        HostId = hostId;
    }

    public string HostId { get; }

    /// <summary>
    /// True once this host's record has been stored: before that, others could not tell it died, so it must not
    /// claim anything.
    /// </summary>
    public bool Registered => Volatile.Read(ref _registered) == 1;

    /// <summary>
    /// Writes this host's beat with <paramref name="status"/>, then reads and judges everyone's. Returns what changed,
    /// or null when storage did not answer (logged; the next beat tries again).
    /// </summary>
    public async Task<LivenessChange?> BeatAsync(HostStatus status, CancellationToken cancellationToken = default)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            await _registry.WriteAsync(new HostRecord(HostId, status, _startedAt, _time.GetUtcNow()), cancellationToken);
            Volatile.Write(ref _registered, 1);
            var records = await _registry.ListAsync(cancellationToken);
            var change = _liveness.Observe(records, _time.GetUtcNow());
            foreach (var id in change.NewlyDead)
            {
                var stopped = records.First(r => r.HostId == id).Status == HostStatus.Stopped;
                LogHostGone(id, stopped ? "stopped" : $"heartbeat unchanged for {_timeout}");
            }

            await ForgetAsync(change.Forgotten, cancellationToken);
            return change;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _liveness.Lost();
            LogBeatFailed(ex);
            return null;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Writes the last beat: <see cref="HostStatus.Stopped"/>. Whatever this host still claims is then taken over at once.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            await _registry.WriteAsync(new HostRecord(HostId, HostStatus.Stopped, _startedAt, _time.GetUtcNow()), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Then others find this host silent and take its claims over after the liveness bound.
            LogStopBeatFailed(ex);
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();

    private async Task ForgetAsync(IReadOnlyList<HostRecord> forgotten, CancellationToken cancellationToken)
    {
        foreach (var record in forgotten)
        {
            if (await _registry.DeleteAsync(record, cancellationToken))
            {
                LogForgotten(record.HostId, record.BeatAt);
            }
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "Host {HostId} is gone ({Reason}); its claims are taken over")]
    private partial void LogHostGone(string hostId, string reason);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Heartbeat failed: storage did not answer; others' silence is counted afresh once it does")]
    private partial void LogBeatFailed(Exception exception);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Could not write the stopped heartbeat; others take this host's claims over once it has been silent long enough")]
    private partial void LogStopBeatFailed(Exception exception);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Information, Message = "Deleted the heartbeat of host {HostId}, gone since {BeatAt}")]
    private partial void LogForgotten(string hostId, DateTimeOffset beatAt);
}
