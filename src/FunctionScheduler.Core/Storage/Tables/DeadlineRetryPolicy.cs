using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// The table clients' retry policy, with one deadline for a whole request, retries included: each attempt may take
/// only what is left of it, no retry starts that could not finish in time, and running out of time surfaces as a
/// <see cref="RequestFailedException"/> with status 0, which <see cref="StorageFailures"/> calls an outage (503).
/// Without it a storage service that accepts connections and never answers (a paused process, a black-holed
/// network) holds every caller for the SDK's 100-second network timeout, four times over.
/// </summary>
internal sealed class DeadlineRetryPolicy : RetryPolicy
{
    // Short delays: the deadline, not the retry count, bounds the request; a few quick retries ride out a dropped
    // connection or a throttled moment within it.
    private const int MaxRetries = 3;
    private static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    // Measured on the real clock whatever TimeProvider the host uses: this is network time, and a test's fake
    // clock must neither stretch nor cut it.
    private static readonly TimeProvider Clock = TimeProvider.System;

    private readonly TimeSpan _timeout;

    public DeadlineRetryPolicy(TimeSpan timeout)
        : base(MaxRetries, DelayStrategy.CreateExponentialDelayStrategy(InitialDelay, MaxDelay))
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _timeout = timeout;
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.SetProperty(typeof(DeadlineRetryPolicy), Clock.GetTimestamp());
        try
        {
            await base.ProcessAsync(message, pipeline);
        }
        catch (Exception ex) when (IsTimeout(message, ex))
        {
            throw TimedOut(ex);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.SetProperty(typeof(DeadlineRetryPolicy), Clock.GetTimestamp());
        try
        {
            base.Process(message, pipeline);
        }
        catch (Exception ex) when (IsTimeout(message, ex))
        {
            throw TimedOut(ex);
        }
    }

    protected override void OnSendingRequest(HttpMessage message) => LimitAttempt(message);

    protected override ValueTask OnSendingRequestAsync(HttpMessage message)
    {
        LimitAttempt(message);
        return default;
    }

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        Remaining(message) > MaxDelay && base.ShouldRetry(message, exception);

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        Remaining(message) > MaxDelay && await base.ShouldRetryAsync(message, exception);

    // The attempt's network timeout (time to the response, and per read of its body) is what is left.
    private void LimitAttempt(HttpMessage message)
    {
        var remaining = Remaining(message);
        message.NetworkTimeout = remaining > TimeSpan.FromMilliseconds(1) ? remaining : TimeSpan.FromMilliseconds(1);
    }

    private TimeSpan Remaining(HttpMessage message) =>
        message.TryGetProperty(typeof(DeadlineRetryPolicy), out var started) && started is long timestamp
            ? _timeout - Clock.GetElapsedTime(timestamp)
            : _timeout;

    // Inside the pipeline a cancellation that the caller did not ask for is a network timeout.
    private static bool IsTimeout(HttpMessage message, Exception exception) =>
        !message.CancellationToken.IsCancellationRequested
        && (exception is OperationCanceledException
            || (exception is AggregateException aggregate && aggregate.InnerExceptions.Any(e => e is OperationCanceledException)));

    private RequestFailedException TimedOut(Exception inner) =>
        new(0, $"The table service did not answer within {_timeout.TotalSeconds:0.###} s (Scheduler:Storage:RequestTimeout).", inner);
}
