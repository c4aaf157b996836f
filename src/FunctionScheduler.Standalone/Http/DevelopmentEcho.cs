using FunctionScheduler.Core.Targets;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Standalone.Http;

/// <summary>
/// A target to try the scheduler with, mapped only when the host runs in the Development environment (scripts/run.sh):
/// <c>/dev/echo</c> verifies the request's signature with the host's own signing key and answers 200 with the run id
/// (which then shows as the run's response snippet), or 401 when the signature does not verify, as a real receiver
/// should. The outbound guard still applies: run.sh allows 127.0.0.1 for development; production allows nothing
/// private and never maps this route.
/// </summary>
internal static class DevelopmentEcho
{
    public const string Path = "/dev/echo";

    // Only the start of a body matters for the answer; the signature covers all of it, so all of it is read.
    private const int MaxBodyBytes = 64 * 1024;

    public static WebApplication MapDevelopmentEcho(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        app.MapMethods(Path, [HttpMethods.Post, HttpMethods.Put, HttpMethods.Get, HttpMethods.Patch, HttpMethods.Delete], EchoAsync)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> EchoAsync(HttpRequest request, IOptions<SigningOptions> signing, TimeProvider time)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        if (body.Length > MaxBodyBytes)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var runId = request.Headers[SchedulerHeaders.RunId].ToString();
        var check = new SignatureVerifier(signing.Value.Secret, time)
            .Verify(request.Headers[SchedulerHeaders.Signature].ToString(), runId, body.ToArray());
        var answer = new EchoAnswer(runId, check.ToString().ToLowerInvariant(), time.GetUtcNow());
        return check == SignatureCheck.Valid ? Results.Json(answer) : Results.Json(answer, statusCode: StatusCodes.Status401Unauthorized);
    }

    private sealed record EchoAnswer(string RunId, string Signature, DateTimeOffset ReceivedAt);
}
