using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace FunctionScheduler.Client;

/// <summary>
/// Which requests the resilience handler may send again after a transient failure. A retry after a lost response
/// repeats a request that may already have taken effect, so only requests whose repetition changes nothing are
/// retried: GET, PUT (replace with the same definition), DELETE (a repeat answers 404 if the first one went
/// through) and the POSTs that are idempotent by contract (pause, resume), which the client marks. Create (POST
/// /api/tasks) and run-now are never retried: a repeat could create a second task with a generated id, or fire the
/// target twice.
/// </summary>
internal static class RepeatableRequests
{
    private static readonly HttpRequestOptionsKey<bool> Key = new("FunctionScheduler.Repeatable");

    /// <summary>Marks <paramref name="request"/> as safe to repeat although its method is POST.</summary>
    public static void MarkRepeatable(HttpRequestMessage request) => request.Options.Set(Key, true);

    public static bool IsRepeatable(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get
        || request.Method == HttpMethod.Head
        || request.Method == HttpMethod.Put
        || request.Method == HttpMethod.Delete
        || (request.Options.TryGetValue(Key, out var marked) && marked);

    /// <summary>Wraps the standard handler's retry predicate so that it never fires for a request that is not repeatable.</summary>
    public static void Apply(HttpStandardResilienceOptions options)
    {
        var transient = options.Retry.ShouldHandle;
        options.Retry.ShouldHandle = args =>
            args.Context.GetRequestMessage() is { } request && IsRepeatable(request)
                ? transient(args)
                : PredicateResult.False();
    }
}
