using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// What one HTTP attempt came to. The response itself never leaves its attempt: the snippet is read (bounded) and
/// the response disposed inside it, under the attempt's timeout.
/// </summary>
internal sealed record AttemptResult(RunErrorClass ErrorClass, int? HttpStatus, string? Error, string? Snippet, TimeSpan? RetryAfter)
{
    /// <summary>Connection errors, timeouts, 408, 429 and 5xx may pass; everything else will not.</summary>
    public bool IsTransient => ErrorClass switch
    {
        RunErrorClass.Timeout or RunErrorClass.Connection => true,
        RunErrorClass.HttpStatus => HttpStatus is 408 or 429 or >= 500,
        _ => false,
    };
}
