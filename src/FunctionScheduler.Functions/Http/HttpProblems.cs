using FunctionScheduler.Core.Api;

namespace FunctionScheduler.Functions.Http;

/// <summary>The problem documents only the HTTP layer answers with (the core's <see cref="Problems"/> has the rest).</summary>
public static class HttpProblems
{
    public const string TooLargeType = "urn:functionscheduler:problem:too-large";
    public const string UnsupportedMediaType = "urn:functionscheduler:problem:unsupported-media-type";
    public const string InternalType = "urn:functionscheduler:problem:internal";

    public static ApiResponse TooLarge(int maxBytes) => new(413, new ProblemDocument
    {
        Type = TooLargeType,
        Title = "The request body is too large.",
        Status = 413,
        Detail = $"A request body is at most {maxBytes} bytes.",
    });

    public static ApiResponse NotJson(string? contentType) => new(415, new ProblemDocument
    {
        Type = UnsupportedMediaType,
        Title = "The request body is not JSON.",
        Status = 415,
        Detail = $"The body was sent as '{contentType}'; send it as application/json.",
    });

    public static ApiResponse Unexpected(string invocationId) => new(500, new ProblemDocument
    {
        Type = InternalType,
        Title = "The request failed unexpectedly.",
        Status = 500,
        Detail = $"The error is logged with invocation id {invocationId}; nothing in the request was found wrong.",
        Instance = $"urn:functionscheduler:invocation:{invocationId}",
    });

    public static ApiResponse Contended() =>
        Problems.Conflict("The task kept changing while the request was applied; send the request again.");
}
