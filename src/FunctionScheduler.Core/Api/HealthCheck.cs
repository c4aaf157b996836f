using FunctionScheduler.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Api;

/// <summary>
/// GET /api/health on both runtimes: healthy when the task index answers a one-row listing within
/// <see cref="Timeout"/>, else a 503 problem. What else a host depends on (Durable's own storage, say) is that
/// host's platform's concern and is not probed here.
/// </summary>
public sealed partial class HealthCheck(ITaskStore store, TimeProvider time, ILogger<HealthCheck> logger)
{
    /// <summary>How long the index may take to answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <param name="instance">Which instance answers (the standalone dispatcher's claimant id, say); null if the host has none to tell.</param>
    public async Task<ApiResponse> CheckAsync(string? instance, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await store.ListAsync(new TaskQuery(PageSize: 1), linked.Token);
            return new ApiResponse(200, new HealthReport("healthy", instance, time.GetUtcNow()));
        }
        catch (Exception ex) when (StorageFailures.IsUnavailable(ex)
            || (ex is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            LogUnhealthy(ex);
            return Problems.Unavailable("The task index did not answer a one-row listing; see the logs for why.");
        }
    }

    [LoggerMessage(EventId = 1901, Level = LogLevel.Warning, Message = "Health check: the task index is unreachable")]
    private partial void LogUnhealthy(Exception exception);
}

/// <summary>The body of a healthy answer: the status, which instance answered (when the host tells) and when.</summary>
public sealed record HealthReport(string Status, string? Instance, DateTimeOffset CheckedAt);
