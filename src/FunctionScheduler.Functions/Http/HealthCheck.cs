using Azure;
using Azure.Identity;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Storage;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Functions.Http;

/// <summary>
/// GET /api/health: the app is healthy when the task index answers a one-row listing within a few seconds.
/// Durable's own storage is the Functions host's concern and is not probed here.
/// </summary>
public sealed partial class HealthCheck(ITaskStore store, TimeProvider time, ILogger<HealthCheck> logger)
{
    /// <summary>How long the index may take to answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<ApiResponse> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await store.ListAsync(new TaskQuery(PageSize: 1), linked.Token);
            return new ApiResponse(200, new HealthReport("healthy", time.GetUtcNow()));
        }
        catch (Exception ex) when (ex is RequestFailedException or AuthenticationFailedException
            || (ex is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            LogUnhealthy(ex);
            return Problems.Unavailable("The task index did not answer a one-row listing; see the logs for why.");
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Health check: the task index is unreachable")]
    private partial void LogUnhealthy(Exception exception);
}

/// <summary>The body of a healthy answer.</summary>
public sealed record HealthReport(string Status, DateTimeOffset CheckedAt);
