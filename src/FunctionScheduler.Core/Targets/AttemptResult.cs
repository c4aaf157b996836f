using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
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

    /// <summary>2xx succeeds; any other status, 3xx included, is an HTTP error.</summary>
    public static AttemptResult FromResponse(HttpResponseMessage response, string? snippet, DateTimeOffset now)
    {
        var status = (int)response.StatusCode;
        return response.IsSuccessStatusCode
            ? new AttemptResult(RunErrorClass.None, status, null, snippet, null)
            : new AttemptResult(RunErrorClass.HttpStatus, status, StatusError(response), snippet, Targets.RetryAfter.From(response, now));
    }

    public static AttemptResult Refused(TargetRefusedException refusal) =>
        new(RunErrorClass.TargetRefused, null, refusal.Message, null, null);

    public static AttemptResult ConnectionFailed(HttpRequestException exception)
    {
        var socketError = exception.InnerException is SocketException socket ? " (" + socket.SocketErrorCode + ")" : "";
        return new(RunErrorClass.Connection, null, "Connection failed: " + exception.HttpRequestError + socketError + ".", null, null);
    }

    public static AttemptResult TimedOut(TimeSpan timeout) => new(
        RunErrorClass.Timeout,
        null,
        "No response within the attempt timeout of " + timeout.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms.",
        null,
        null);

    private static string StatusError(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = "HTTP " + status.ToString(CultureInfo.InvariantCulture) + (response.ReasonPhrase is { Length: > 0 } reason ? " " + reason : "");
        return status is >= 300 and < 400
            ? text + ": redirect not followed" + (response.Headers.Location is { } location ? " (Location: " + location + ")" : "") + "."
            : text + ".";
    }
}
