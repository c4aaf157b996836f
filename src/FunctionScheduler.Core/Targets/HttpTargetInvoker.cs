using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Text;
using Azure.Core;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets.Identity;
using FunctionScheduler.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// Calls a task's HTTP target through the named client <see cref="HttpClientName"/> (whose handler enforces the
/// outbound guard), retrying transient failures with the task's <see cref="TargetRetryPolicy"/>. Every attempt is
/// signed and carries the run headers (<see cref="SchedulerHeaders"/>) and its own span's traceparent; a target with
/// <see cref="HttpTarget.Auth"/> also gets an identity token, obtained before each attempt (from the cache).
/// </summary>
/// <remarks>
/// Outcomes: an accepted status (2xx unless the target's <see cref="ResponseCheck"/> says otherwise) whose body passes
/// the check succeeds. Any other status fails with <see cref="RunErrorClass.HttpStatus"/>, 3xx included: redirects
/// are never followed (a scheduler silently following a target to another host would defeat the outbound guard and
/// surprise its owner), so a target must be configured with its final URL. A body failing the check fails with
/// <see cref="RunErrorClass.Assertion"/>. 408, 429, 5xx, timeouts and connection errors are retried, and a failed
/// body check when the check says so; a refused address, other statuses and cancellation are not. A token that
/// cannot be had fails the attempt with <see cref="RunErrorClass.IdentityToken"/> before any request, retried like a
/// connection error unless the host has no identity at all.
/// </remarks>
public sealed class HttpTargetInvoker : ITargetInvoker
{
    /// <summary>Name of the HttpClient registered for targets.</summary>
    public const string HttpClientName = "FunctionScheduler.Targets";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;
    private readonly SchedulerMetrics _metrics;
    private readonly ILogger<HttpTargetInvoker> _logger;
    private readonly TargetRequestBuilder _requests;
    private readonly RetryPipelineProvider _pipelines;
    private readonly SecretRedactors _redactors;
    private readonly TargetTokenCache _tokens;

    /// <summary>Creates the invoker; <see cref="DependencyInjection.TargetServiceCollectionExtensions"/> registers it.</summary>
    public HttpTargetInvoker(
        IHttpClientFactory httpClientFactory,
        RequestSigner signer,
        [FromKeyedServices(TargetIdentityOptions.CredentialKey)] TokenCredential credential,
        IOptions<TargetIdentityOptions> identity,
        SchedulerMetrics metrics,
        TimeProvider timeProvider,
        ILogger<HttpTargetInvoker> logger)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(identity);
        _httpClientFactory = httpClientFactory ?? throw new ArgumentNullException(nameof(httpClientFactory));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _requests = new TargetRequestBuilder(signer ?? throw new ArgumentNullException(nameof(signer)), timeProvider);
        _pipelines = new RetryPipelineProvider(timeProvider, metrics, logger);
        _redactors = new SecretRedactors(signer.SecretSpellings);
        _tokens = new TargetTokenCache(credential, timeProvider, identity.Value.TokenTimeout, logger);
    }

    /// <inheritdoc />
    public async Task<InvocationResult> InvokeAsync(TargetInvocation invocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var startedAt = _timeProvider.GetUtcNow();
        var body = invocation.Target.Body is { } text ? Encoding.UTF8.GetBytes(text) : null;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var state = new InvocationState(invocation, body, _redactors.For(invocation.Target), budget, _timeProvider.GetTimestamp());
        if (cancellationToken.IsCancellationRequested)
        {
            return Complete(state, null, startedAt);
        }

        var client = _httpClientFactory.CreateClient(HttpClientName);

        var context = ResilienceContextPool.Shared.Get(budget.Token);
        context.Properties.Set(InvocationState.Key, state);
        AttemptResult? final;
        try
        {
            final = await _pipelines.Get(invocation.Target)
                .ExecuteAsync(static (ctx, s) => s.Invoker.AttemptAsync(s.Client, s.State, ctx.CancellationToken), context, (Invoker: this, Client: client, State: state))
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            // Either the caller cancelled, or the retry budget ended a wait; in the latter case the last attempt stands.
            final = cancellationToken.IsCancellationRequested || !state.BudgetExhausted ? null : state.Last;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        return Complete(state, final, startedAt);
    }

    private async ValueTask<AttemptResult> AttemptAsync(HttpClient client, InvocationState state, CancellationToken attemptToken)
    {
        var attempt = state.Attempts + 1;
        using var span = SchedulerTelemetry.StartAttempt(state.Invocation, attempt);
        var (token, result) = state.Invocation.Target.Auth is { } auth
            ? await GetTokenAsync(auth, state, attemptToken).ConfigureAwait(false)
            : (null, null);
        result ??= await SendAsync(client, state, attempt, span, token, attemptToken).ConfigureAwait(false);

        // The error can quote the target (its reason phrase, a Location): from here it is logged, traced and stored.
        result = result with { Error = state.Redactor.Redact(result.Error) };
        state.Last = result;
        if (result.HttpStatus is not null)
        {
            state.LastResponse = result;
        }

        SchedulerTelemetry.EndAttempt(span, result.HttpStatus, result.ErrorClass, result.Error);
        if (result.ErrorClass != RunErrorClass.None)
        {
            TargetLog.AttemptFailed(_logger, state.Invocation.RunId, attempt, result.ErrorClass, result.HttpStatus, result.Error);
        }

        return result;
    }

    private async Task<AttemptResult> SendAsync(
        HttpClient client, InvocationState state, int attempt, Activity? span, string? bearerToken, CancellationToken attemptToken)
    {
        var (request, signature) = _requests.Build(state, attempt, span, bearerToken);
        using var sent = request;
        state.Attempts = attempt;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken).ConfigureAwait(false);
            state.SignedWith(signature);
            var check = state.Invocation.Target.Success;
            var checkedChars = check.ChecksBody && check.Accepts((int)response.StatusCode) ? BodyCheckEvaluator.MaxCheckedChars : 0;
            var text = await ReadBodyAsync(response, state, checkedChars, attemptToken).ConfigureAwait(false);
            return AttemptResult.FromResponse(response, text, check, _timeProvider.GetUtcNow());
        }
        catch (HttpRequestException ex) when (TargetRefusedException.Find(ex) is { } refused)
        {
            state.Attempts = attempt - 1;
            return AttemptResult.Refused(refused);
        }
        catch (HttpRequestException ex)
        {
            state.SignedWith(signature);
            return AttemptResult.ConnectionFailed(ex);
        }
        catch (OperationCanceledException) when (!state.Budget.IsCancellationRequested)
        {
            // Only the attempt's own timeout cancels without the budget (the caller's token) being cancelled.
            state.SignedWith(signature);
            return AttemptResult.TimedOut(state.Invocation.Target.Timeout);
        }
    }

    // The token comes before the request: without it nothing is sent. Once there is one, the redactor learns it, so
    // that a target echoing its Authorization header hands back no token.
    private async Task<(string? Token, AttemptResult? Failure)> GetTokenAsync(TargetAuth auth, InvocationState state, CancellationToken attemptToken)
    {
        try
        {
            var token = await _tokens.GetAsync(auth.Scope, attemptToken).ConfigureAwait(false);
            state.Redactor = _redactors.For(state.Invocation.Target, token);
            return (token, null);
        }
        catch (OperationCanceledException) when (!state.Budget.IsCancellationRequested)
        {
            return (null, AttemptResult.NoTokenInTime(auth, state.Invocation.Target.Timeout));
        }
        catch (Exception ex) when (TargetTokenCache.IsTokenFailure(ex))
        {
            return (null, AttemptResult.NoToken(auth, ex));
        }
    }

    // Without a body check the status line is the outcome, and a body that is slow or breaks off only costs the
    // snippet; with one, an unreadable body fails the check.
    private static async Task<ResponseText> ReadBodyAsync(HttpResponseMessage response, InvocationState state, int checkedChars, CancellationToken attemptToken)
    {
        try
        {
            return await ResponseSnippet.ReadAsync(response.Content, state.Redactor, checkedChars, attemptToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!state.Budget.IsCancellationRequested)
        {
            return ResponseText.Unreadable;
        }
        catch (IOException)
        {
            return ResponseText.Unreadable;
        }
    }

    private InvocationResult Complete(InvocationState state, AttemptResult? final, DateTimeOffset startedAt)
    {
        var invocation = state.Invocation;
        var result = new InvocationResult
        {
            Status = final?.ErrorClass == RunErrorClass.None ? RunStatus.Succeeded : RunStatus.Failed,
            StartedAt = startedAt,
            CompletedAt = _timeProvider.GetUtcNow(),
            Attempts = state.Attempts,
            HttpStatus = state.LastResponse?.HttpStatus,
            ErrorClass = final?.ErrorClass ?? RunErrorClass.Canceled,
            Error = final is null ? "The run was cancelled." : final.Error,
            ResponseSnippet = state.LastResponse?.Snippet,
            SigningKeyIds = [.. state.SigningKeyIds],
        };

        // A notification is no run: FailureNotifier counts it on its own instrument.
        if (invocation.Event is null)
        {
            _metrics.RecordRun(result.Status, result.ErrorClass);
        }

        if (final is null)
        {
            TargetLog.InvocationCanceled(_logger, invocation.RunId, invocation.TaskId, result.Attempts);
        }
        else if (result.Status == RunStatus.Succeeded)
        {
            TargetLog.InvocationSucceeded(_logger, invocation.RunId, invocation.TaskId, result.HttpStatus, result.Attempts, result.Duration);
        }
        else
        {
            TargetLog.InvocationFailed(
                _logger, invocation.RunId, invocation.TaskId, result.ErrorClass, result.HttpStatus, result.Attempts, result.Duration, result.Error);
        }

        return result;
    }
}
