using FunctionScheduler.Core.Api;
using Microsoft.AspNetCore.Http;

namespace FunctionScheduler.Http;

/// <summary>
/// Binds the listing routes' query string as strings; the core validates them and names a bad one. A parameter
/// sent twice is passed on joined with commas, so the core sees (and refuses) it rather than the first value.
/// </summary>
public static class QueryParameters
{
    public static ListParameters From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query;
        return new ListParameters(Value(query, "group"), Value(query, "state"), Value(query, "pageSize"), Value(query, "continuationToken"));
    }

    /// <summary>The import's ?dryRun, as a string for the core to check (a repeated parameter joined with commas).</summary>
    public static string? DryRun(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Value(request.Query, "dryRun");
    }

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;
}
