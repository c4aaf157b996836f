using FunctionScheduler.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FunctionScheduler.Functions.Http;

/// <summary>
/// The dashboard, the same embedded files the standalone host serves, at <c>/api/dashboard/</c>. Anonymous: the
/// files hold no data; the page asks for a function key and sends it in <c>x-functions-key</c> (never in a URL).
/// The page's URL must end in a slash so that its relative module paths resolve under it: the bare path redirects.
/// </summary>
public sealed class DashboardFunctions
{
    private static readonly DashboardSettings Settings = new("functions", "x-functions-key", "function key", ApiReference: null);

    [Function("Dashboard")]
    public static Task<IResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "dashboard")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IResult result = request.Path.Value?.EndsWith('/') == true
            ? DashboardResult.For(null, Settings)
            : Results.Redirect(request.PathBase + request.Path + "/", permanent: true);
        return Task.FromResult(result);
    }

    [Function("DashboardFile")]
    public static Task<IResult> FileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "dashboard/{file}")] HttpRequest request,
        string file) =>
        Task.FromResult<IResult>(DashboardResult.For(file, Settings));
}
