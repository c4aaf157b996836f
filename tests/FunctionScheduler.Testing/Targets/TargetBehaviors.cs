using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FunctionScheduler.Testing.Targets;

/// <summary>Canned endpoint behaviours for <see cref="LoopbackTarget"/>: map them with <c>endpoints.Map(path, behaviour)</c>.</summary>
public static class TargetBehaviors
{
    /// <summary>Answers <paramref name="status"/> with an optional text body.</summary>
    public static RequestDelegate Status(int status, string? body = null) => async context =>
    {
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    };

    /// <summary>
    /// Fails the first <paramref name="failures"/> requests with <paramref name="failureStatus"/> (each failure
    /// decorated by <paramref name="onFailure"/>, e.g. to add Retry-After), then answers 200 "ok".
    /// </summary>
    public static RequestDelegate FailThenSucceed(int failures, int failureStatus = 500, Action<HttpResponse>? onFailure = null)
    {
        var seen = 0;
        return async context =>
        {
            if (Interlocked.Increment(ref seen) <= failures)
            {
                context.Response.StatusCode = failureStatus;
                onFailure?.Invoke(context.Response);
                return;
            }

            await Status(200, "ok")(context).ConfigureAwait(false);
        };
    }

    /// <summary>Answers <paramref name="status"/> after <paramref name="delay"/> (or gives up when the client leaves).</summary>
    public static RequestDelegate Delay(TimeSpan delay, int status = 200) => async context =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        context.Response.StatusCode = status;
    };

    /// <summary>Reads the request and never answers; the request ends only when the client leaves or the server stops.</summary>
    public static RequestDelegate Hang() => async context =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up, as the test intends.
        }
    };

    /// <summary>Redirects to <paramref name="location"/> with <paramref name="status"/>.</summary>
    public static RequestDelegate Redirect(string location, int status = 302) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    /// <summary>
    /// Answers <paramref name="status"/> with every request header echoed back, as a careless or debugging target
    /// would: as received, as JSON (System.Text.Json's default escaping), percent-encoded, HTML-encoded and upper
    /// case; <paramref name="header"/>'s value also in the reason phrase and a Location, and
    /// <paramref name="extra"/> (say, a secret the target happens to know) after the headers.
    /// </summary>
    public static RequestDelegate EchoHeaders(int status = 200, string header = "Authorization", string extra = "") => async context =>
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.Ordinal);
        var echo = new StringBuilder();
        foreach (var (name, value) in headers)
        {
            echo.Append(name).Append(": ").Append(value).Append('\n')
                .Append(Uri.EscapeDataString(value)).Append('\n')
                .Append(WebUtility.HtmlEncode(value)).Append('\n')
                .Append(value.ToUpperInvariant()).Append('\n');
        }

        echo.Append(JsonSerializer.Serialize(headers)).Append('\n').Append(extra);
        var echoed = headers.GetValueOrDefault(header, "");
        context.Response.StatusCode = status;
        context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = "Echo " + echoed;
        context.Response.Headers.Location = "https://echo.example/?seen=" + Uri.EscapeDataString(echoed);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(echo.ToString(), context.RequestAborted).ConfigureAwait(false);
    };
}
