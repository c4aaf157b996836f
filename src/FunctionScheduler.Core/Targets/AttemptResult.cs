using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using Azure.Identity;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// What one HTTP attempt came to. The response itself never leaves its attempt: the snippet is read (bounded) and
/// the response disposed inside it, under the attempt's timeout.
/// </summary>
internal sealed record AttemptResult(RunErrorClass ErrorClass, int? HttpStatus, string? Error, string? Snippet, TimeSpan? RetryAfter)
{
    // The longest error text kept from a credential's exception message.
    private const int MaxTokenErrorLength = 400;

    /// <summary>Whether a failed body check may be retried (the task's <see cref="ResponseCheck.Retry"/>).</summary>
    public bool RetryOnAssertion { get; init; }

    /// <summary>
    /// Connection errors, timeouts, 408, 429 and 5xx may pass; a failed body check when the task says so; so may a
    /// token failure, unless the host has no identity to ask with at all (<see cref="CredentialUnavailableException"/>).
    /// Everything else will not.
    /// </summary>
    public bool IsTransient => ErrorClass switch
    {
        RunErrorClass.Timeout or RunErrorClass.Connection => true,
        RunErrorClass.HttpStatus => HttpStatus is 408 or 429 or >= 500,
        RunErrorClass.IdentityToken => TokenRetriable,
        RunErrorClass.Assertion => RetryOnAssertion,
        _ => false,
    };

    /// <summary>For <see cref="RunErrorClass.IdentityToken"/>: whether another attempt may get a token.</summary>
    public bool TokenRetriable { get; init; }

    /// <summary>
    /// An accepted status (2xx unless the task says otherwise) whose body passes the task's check succeeds; a status
    /// not accepted, 3xx included, is an HTTP error; an accepted status whose body fails the check is an assertion
    /// error.
    /// </summary>
    public static AttemptResult FromResponse(HttpResponseMessage response, ResponseText text, ResponseCheck check, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        if (!check.Accepts(status))
        {
            return new AttemptResult(RunErrorClass.HttpStatus, status, StatusError(response, check), text.Snippet, Targets.RetryAfter.From(response, now));
        }

        return BodyCheckEvaluator.Failure(check, text.Body, text.Complete) is { } failure
            ? new AttemptResult(RunErrorClass.Assertion, status, failure, text.Snippet, Targets.RetryAfter.From(response, now)) { RetryOnAssertion = check.Retry }
            : new AttemptResult(RunErrorClass.None, status, null, text.Snippet, null);
    }

    public static AttemptResult Refused(TargetRefusedException refusal) =>
        new(RunErrorClass.TargetRefused, null, refusal.Message, null, null);

    public static AttemptResult ConnectionFailed(HttpRequestException exception)
    {
        var socketError = exception.InnerException is SocketException socket ? " (" + socket.SocketErrorCode + ")" : "";
        return new(RunErrorClass.Connection, null, "Connection failed: " + exception.HttpRequestError + socketError + ".", null, null);
    }

    /// <summary>No token for <paramref name="auth"/>, because of <paramref name="exception"/>; no request was sent.</summary>
    public static AttemptResult NoToken(TargetAuth auth, Exception exception)
    {
        var firstLine = exception.Message.Split('\n', 2)[0].Trim();
        var error = "No identity token for audience '" + auth.Audience + "': " + exception.GetType().Name + ": " + firstLine;
        return new AttemptResult(RunErrorClass.IdentityToken, null, RunRecord.Cut(error, MaxTokenErrorLength), null, null)
        {
            TokenRetriable = exception is not CredentialUnavailableException,
        };
    }

    /// <summary>The attempt's timeout ended the wait for a token; no request was sent.</summary>
    public static AttemptResult NoTokenInTime(TargetAuth auth, TimeSpan timeout) => new(
        RunErrorClass.IdentityToken,
        null,
        "No identity token for audience '" + auth.Audience + "' within the attempt timeout of " +
            timeout.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms.",
        null,
        null)
    {
        TokenRetriable = true,
    };

    public static AttemptResult TimedOut(TimeSpan timeout) => new(
        RunErrorClass.Timeout,
        null,
        "No response within the attempt timeout of " + timeout.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms.",
        null,
        null);

    private static string StatusError(HttpResponseMessage response, ResponseCheck check)
    {
        var status = (int)response.StatusCode;
        var text = "HTTP " + status.ToString(CultureInfo.InvariantCulture) + (response.ReasonPhrase is { Length: > 0 } reason ? " " + reason : "");
        var accepted = check == ResponseCheck.Default ? "" : " (accepted: " + string.Join(", ", check.Statuses) + ")";
        return status is >= 300 and < 400
            ? text + ": redirect not followed" + (response.Headers.Location is { } location ? " (Location: " + location + ")" : "") + accepted + "."
            : text + accepted + ".";
    }
}
