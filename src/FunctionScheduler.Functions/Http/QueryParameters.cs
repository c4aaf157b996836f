using FunctionScheduler.Core.Api;
using Microsoft.Azure.Functions.Worker.Http;

namespace FunctionScheduler.Functions.Http;

/// <summary>Binds the listing routes' query string as strings; the core validates them and names a bad one.</summary>
public static class QueryParameters
{
    public static ListParameters From(HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        return new ListParameters(query["group"], query["state"], query["pageSize"], query["continuationToken"]);
    }
}
