using Microsoft.AspNetCore.Http;

namespace FunctionScheduler.Dashboard;

/// <summary>
/// Answers a request for one of the page's files, the same way on both hosts: 200 with the file, 304 when the
/// client's ETag matches, 404 (no body: the host's own not-found handling answers) for any other name. Every answer
/// carries the page's security headers: a Content-Security-Policy that allows only this origin's scripts, styles and
/// API calls (no inline script, no eval, no framing, no plugins), no MIME sniffing, no referrer.
/// </summary>
public sealed class DashboardResult(DashboardFile? file) : IResult
{
    /// <summary>The policy: the page builds its DOM from text nodes and calls only its own origin.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The file <paramref name="name"/>, or <paramref name="settings"/> for settings.json.</summary>
    public static DashboardResult For(string? name, DashboardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new DashboardResult(name == DashboardFiles.SettingsName ? settings.ToFile() : DashboardFiles.Find(string.IsNullOrEmpty(name) ? DashboardFiles.IndexName : name));
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (file is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Revalidated on every load (cheap with the ETag), so a new build's page is never mixed with old modules.
        headers.CacheControl = "no-cache";
        headers.ETag = file.ETag;
        if (httpContext.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } presented
            && presented.Split(',').Any(tag => tag.Trim() == file.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = file.ContentType;
        response.ContentLength = file.Content.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await response.Body.WriteAsync(file.Content, httpContext.RequestAborted);
        }
    }
}
