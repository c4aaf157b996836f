using FunctionScheduler.Core.Api;

namespace FunctionScheduler.Http;

/// <summary>
/// The problems the HTTP layer answers with (the core's <see cref="Problems"/> has the contract's own). One type per
/// cause, the same on both hosts.
/// </summary>
public static class HttpProblems
{
    public const string UnauthorizedType = "urn:functionscheduler:problem:unauthorized";
    public const string PayloadTooLargeType = "urn:functionscheduler:problem:payload-too-large";
    public const string UnsupportedMediaTypeType = "urn:functionscheduler:problem:unsupported-media-type";
    public const string BadRequestType = "urn:functionscheduler:problem:bad-request";
    public const string InternalType = "urn:functionscheduler:problem:internal";

    /// <param name="header">The header that carries the credential.</param>
    public static ApiResponse Unauthorized(string header) => Problem(
        401, UnauthorizedType, "An API key is required.", $"Send the key in the {header} header.");

    public static ApiResponse PayloadTooLarge(long limit) => Problem(
        413, PayloadTooLargeType, "The request body is too large.", $"Bodies are limited to {limit} bytes.");

    public static ApiResponse UnsupportedMediaType(string? contentType, string expected = "application/json") => Problem(
        415, UnsupportedMediaTypeType, expected == "application/json" ? "The request body must be JSON." : "The request body must be JSON lines.",
        contentType is null
            ? $"Send the body with Content-Type: {expected}."
            : $"Content-Type '{contentType}' is not accepted; send {expected} (UTF-8).");

    /// <summary>A request the server could not read at all (framing, headers); the status is the server's.</summary>
    public static ApiResponse BadRequest(int status, string detail) => Problem(
        status, status == 413 ? PayloadTooLargeType : BadRequestType, "The request could not be read.", detail);

    public static ApiResponse Internal(string traceId) => Problem(
        500, InternalType, "An unexpected error occurred.", $"The error is logged with trace id {traceId}.");

    /// <summary>The handlers retry version conflicts a few times; a conflict past them means heavy contention.</summary>
    public static ApiResponse Contended() =>
        Problems.Conflict("The task kept changing while the request was applied; send the request again.");

    /// <summary>For the framework's bodiless error answers (no such route, method not allowed).</summary>
    public static ApiResponse ForStatus(int status, string title) => Problem(status, "about:blank", title, null);

    private static ApiResponse Problem(int status, string type, string title, string? detail) =>
        new(status, new ProblemDocument { Type = type, Title = title, Status = status, Detail = detail });
}
