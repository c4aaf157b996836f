using System.Net.Http;

namespace FunctionScheduler.Core.Targets;

/// <summary>Reads a response's Retry-After header, in either of its forms.</summary>
internal static class RetryAfter
{
    /// <summary>The wait the response asks for, measured from <paramref name="now"/>; null when it asks for none.</summary>
    public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
