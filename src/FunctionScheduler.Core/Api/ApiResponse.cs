namespace FunctionScheduler.Core.Api;

/// <summary>
/// A host-neutral HTTP answer: status, body and the two headers the contract uses. Each host writes it with
/// <c>SchedulerJson</c>; a <see cref="ProblemDocument"/> body goes out as application/problem+json.
/// </summary>
public sealed record ApiResponse(int StatusCode, object? Body = null, string? Location = null, string? ETag = null)
{
    /// <summary>The media type the body is written as, or null when there is no body.</summary>
    public string? ContentType => Body switch
    {
        null => null,
        ProblemDocument => "application/problem+json",
        JsonLines => JsonLines.MediaType,
        _ => "application/json",
    };
}
