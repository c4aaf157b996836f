using Azure;
using Azure.Identity;

namespace FunctionScheduler.Core.Storage;

/// <summary>
/// Tells an unreachable or failing storage service (worth a 503 and a retry) from a bug (a 500). Both runtimes
/// answer with it, so the same outage gives the same status on either.
/// </summary>
public static class StorageFailures
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        // Status 0: no response at all (refused, reset, timed out); 5xx: the service failed.
        RequestFailedException failed => failed.Status is 0 or >= 500,

        // The managed identity could not get a token: the index cannot be reached until it can.
        AuthenticationFailedException => true,

        // The Azure SDK's retry policy gives up with every attempt's failure wrapped together.
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnavailable),
        HttpRequestException => true,
        _ => false,
    };
}
