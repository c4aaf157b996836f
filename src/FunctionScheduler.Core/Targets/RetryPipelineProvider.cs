using System.Collections.Concurrent;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// Builds the Polly pipeline of a (retry policy, attempt timeout) pair and caches it: retry with exponential
/// backoff and jitter on the outside, the attempt timeout inside. The pipelines are shared, so everything about one
/// invocation reaches the callbacks through <see cref="InvocationState"/> in the resilience context.
/// </summary>
internal sealed class RetryPipelineProvider(TimeProvider timeProvider, SchedulerMetrics metrics, ILogger logger)
{
    // Policies are user data; the cache is bounded so that many distinct policies cannot grow it without end.
    private const int MaxCachedPipelines = 256;

    // Polly's validated ranges: a timeout of at least 10 ms, delays of at most a day.
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxPollyDelay = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<(TargetRetryPolicy Policy, TimeSpan Timeout), ResiliencePipeline<AttemptResult>> _cache = new();

    public ResiliencePipeline<AttemptResult> Get(HttpTarget target)
    {
        var key = (target.Retry, target.Timeout);
        if (_cache.TryGetValue(key, out var pipeline))
        {
            return pipeline;
        }

        if (_cache.Count >= MaxCachedPipelines)
        {
            _cache.Clear();
        }

        return _cache.GetOrAdd(key, k => Build(k.Policy, k.Timeout));
    }

    private ResiliencePipeline<AttemptResult> Build(TargetRetryPolicy policy, TimeSpan timeout)
    {
        var builder = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = timeProvider };
        if (policy.MaxAttempts > 1)
        {
            var maxDelay = MaxDelayOf(policy);
            builder.AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                MaxRetryAttempts = policy.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = Clamp(policy.InitialDelay, TimeSpan.Zero, maxDelay),
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber, policy)),

                // Polly caps only its own delays with MaxDelay; a server's Retry-After is capped here.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is { } wait ? Clamp(wait, TimeSpan.Zero, maxDelay) : (TimeSpan?)null),
                OnRetry = args => OnRetry(args, policy),
            });
        }

        builder.AddTimeout(Clamp(timeout, MinTimeout, MaxPollyDelay));
        return builder.Build();
    }

    private bool ShouldRetry(Outcome<AttemptResult> outcome, ResilienceContext context, int attemptNumber, TargetRetryPolicy policy)
    {
        // Exceptions reaching here are cancellations: never retried. After the last attempt Polly stops anyway.
        if (outcome.Result is not { IsTransient: true } result || attemptNumber + 1 >= policy.MaxAttempts)
        {
            return false;
        }

        var state = context.Properties.GetValue(InvocationState.Key, null!);
        var elapsed = timeProvider.GetElapsedTime(state.StartTimestamp);
        var knownDelay = result.RetryAfter is { } wait ? Clamp(wait, TimeSpan.Zero, MaxDelayOf(policy)) : TimeSpan.Zero;
        if (elapsed + knownDelay <= policy.MaxDuration)
        {
            return true;
        }

        state.BudgetExhausted = true;
        TargetLog.RetryBudgetExhausted(logger, state.Invocation.RunId, state.Attempts, knownDelay, policy.MaxDuration);
        return false;
    }

    // The backoff delay is known only now (Polly draws the jitter after ShouldHandle). A delay that would carry the
    // next attempt past MaxDuration is not waited out: cancelling the budget ends the wait and the run at once.
    private ValueTask OnRetry(OnRetryArguments<AttemptResult> args, TargetRetryPolicy policy)
    {
        var state = args.Context.Properties.GetValue(InvocationState.Key, null!);
        var elapsed = timeProvider.GetElapsedTime(state.StartTimestamp);
        if (args.RetryDelay > TimeSpan.Zero && elapsed + args.RetryDelay > policy.MaxDuration)
        {
            state.BudgetExhausted = true;
            TargetLog.RetryBudgetExhausted(logger, state.Invocation.RunId, state.Attempts, args.RetryDelay, policy.MaxDuration);
            state.Budget.Cancel();
            return ValueTask.CompletedTask;
        }

        metrics.RecordRetry(args.Outcome.Result?.ErrorClass ?? RunErrorClass.None);
        TargetLog.RetryScheduled(logger, state.Invocation.RunId, state.Attempts, args.RetryDelay);
        return ValueTask.CompletedTask;
    }

    private static TimeSpan MaxDelayOf(TargetRetryPolicy policy) => Clamp(policy.MaxDelay, TimeSpan.Zero, MaxPollyDelay);

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) =>
        value < min ? min : value > max ? max : value;
}
