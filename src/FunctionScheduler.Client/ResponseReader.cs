using System.Net.Http.Json;
using System.Text.Json;
using FunctionScheduler.Contracts;
using Polly.Timeout;

namespace FunctionScheduler.Client;

/// <summary>Sends a request and turns every way it can fail into a <see cref="FunctionSchedulerException"/>.</summary>
internal static class ResponseReader
{
    /// <summary>The response when its status is a success; otherwise throws, carrying the problem document if one came.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using (request)
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HttpRequestException exception)
        {
            throw new FunctionSchedulerException($"The scheduler at {request.RequestUri?.GetLeftPart(UriPartial.Authority)} could not be reached: {exception.Message}", exception);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The resilience handler's timeouts, or HttpClient.Timeout; the caller's own cancellation passes through.
            throw new FunctionSchedulerException($"The scheduler did not answer in time: {exception.Message}", exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await FailureAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(SchedulerJson.Options, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("The body is null.");
        }
        catch (JsonException exception)
        {
            throw new FunctionSchedulerException(
                (int)response.StatusCode, problem: null, $"The scheduler's answer is not the expected JSON: {exception.Message}", exception);
        }
    }

    private static async Task<FunctionSchedulerException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is "application/problem+json" or "application/json")
        {
            try
            {
                if (await response.Content.ReadFromJsonAsync<ProblemDocument>(SchedulerJson.Options, cancellationToken).ConfigureAwait(false) is { } problem)
                {
                    return new FunctionSchedulerException(status, problem, FunctionSchedulerException.Describe(problem));
                }
            }
            catch (JsonException)
            {
                // Not a problem document after all (a proxy's JSON error, say): reported by status below.
            }
        }

        return new FunctionSchedulerException(status, problem: null, $"{status} {response.ReasonPhrase}".TrimEnd());
    }
}
