using System.Diagnostics;
using System.Globalization;
using System.Net.Http;

namespace FunctionScheduler.Core.Targets;

/// <summary>Builds one attempt's request: the definition's method, URL, headers and body, then the scheduler's headers.</summary>
internal sealed class TargetRequestBuilder(RequestSigner signer, TimeProvider timeProvider)
{
    public const string DefaultContentType = "application/json";

    /// <summary>The attempt's request, signed now, with <paramref name="bearerToken"/> as its Authorization when given.</summary>
    public (HttpRequestMessage Request, RequestSignature Signature) Build(InvocationState state, int attempt, Activity? attemptSpan, string? bearerToken)
    {
        var invocation = state.Invocation;
        var target = invocation.Target;
        var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url);
        if (state.Body is { } body)
        {
            request.Content = new ByteArrayContent(body);
        }

        AddDefinitionHeaders(request, target.Headers, target.SecretHeaders);
        if (bearerToken is not null)
        {
            // Validation keeps Authorization out of a definition with auth; the token wins regardless.
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", SecretRedactors.BearerPrefix + bearerToken);
        }
        if (request.Content is { } content)
        {
            var contentType = target.ContentType
                ?? (content.Headers.TryGetValues("Content-Type", out var given) ? given.FirstOrDefault() : null)
                ?? DefaultContentType;
            content.Headers.Remove("Content-Type");
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var headers = request.Headers;
        headers.TryAddWithoutValidation(SchedulerHeaders.RunId, invocation.RunId);
        headers.TryAddWithoutValidation(SchedulerHeaders.TaskId, invocation.TaskId);
        headers.TryAddWithoutValidation(SchedulerHeaders.ScheduledAt, SchedulerHeaders.FormatInstant(invocation.Occurrence.ScheduledAt));
        headers.TryAddWithoutValidation(SchedulerHeaders.Attempt, attempt.ToString(CultureInfo.InvariantCulture));
        headers.TryAddWithoutValidation(SchedulerHeaders.Kind, SchedulerHeaders.KindValue(invocation.Occurrence.Kind));
        if (invocation.Event is { } notificationEvent)
        {
            headers.TryAddWithoutValidation(SchedulerHeaders.Event, Notifications.NotificationIds.EventName(notificationEvent));
        }
        headers.TryAddWithoutValidation(SchedulerHeaders.TraceParent, TraceParent(attemptSpan));
        if (attemptSpan?.TraceStateString is { Length: > 0 } traceState)
        {
            headers.TryAddWithoutValidation(SchedulerHeaders.TraceState, traceState);
        }

        // Signed per attempt, by the keys active now: a retry minutes later carries a fresh timestamp that receivers
        // accept, and the keys of its own instant when a rotation's window opens or closes between attempts.
        var signature = signer.Sign(invocation.RunId, state.Body, timeProvider.GetUtcNow());
        headers.TryAddWithoutValidation(SchedulerHeaders.Signature, signature.Header);
        headers.TryAddWithoutValidation(SchedulerHeaders.KeyId, signature.KeyIdHeader);
        return (request, signature);
    }

    // Request headers go on the request, content headers (Content-Language, ...) on the content if there is one.
    // A secret header replaces a plain one of the same name. Names HttpClient rejects are skipped, not thrown on:
    // definitions are validated on write, and a fire is no place to fail for it.
    private static void AddDefinitionHeaders(
        HttpRequestMessage request, IReadOnlyDictionary<string, string> plain, IReadOnlyDictionary<string, string> secret)
    {
        var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in plain.Concat(secret))
        {
            merged[name] = value;
        }

        foreach (var (name, value) in merged)
        {
            if (SchedulerHeaders.Reserved.Contains(name) || request.Headers.TryAddWithoutValidation(name, value))
            {
                continue;
            }

            request.Content?.Headers.TryAddWithoutValidation(name, value);
        }
    }

    // The attempt span's context; when nobody samples the span, a fresh span id in the current trace (or a new
    // trace), not sampled, so that receivers always get one valid traceparent.
    private static string TraceParent(Activity? attemptSpan)
    {
        if (attemptSpan is { IdFormat: ActivityIdFormat.W3C, Id: { } id })
        {
            return id;
        }

        var traceId = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.TraceId : ActivityTraceId.CreateRandom();
        return "00-" + traceId.ToHexString() + "-" + ActivitySpanId.CreateRandom().ToHexString() + "-00";
    }
}
