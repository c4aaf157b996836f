using FunctionScheduler.Dashboard;
using Scalar.AspNetCore;

namespace FunctionScheduler.Standalone.Http;

/// <summary>
/// The dashboard at "/" (its files at "/{name}", anonymous: the page holds no data, and asks for the API key to call
/// the API) and the interactive API reference over the OpenAPI document at "/scalar" (Scalar's page and script come
/// from its package, so it works offline).
/// </summary>
internal static class DashboardEndpoints
{
    public const string ApiReferencePath = "/scalar";

    private static readonly DashboardSettings Settings = new("standalone", ApiKeys.HeaderName, "API key", ApiReferencePath);

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        endpoints.MapMethods("/", methods, () => DashboardResult.For(null, Settings)).ExcludeFromDescription();
        endpoints.MapMethods("/{file}", methods, (string file) => DashboardResult.For(file, Settings)).ExcludeFromDescription();
        endpoints.MapScalarApiReference(ApiReferencePath, options =>
        {
            options.Title = "FunctionScheduler API";
            options.OpenApiRoutePattern = "/openapi/{documentName}.json";
            options.DefaultFonts = false;
            options.Telemetry = false;
            options.AddPreferredSecuritySchemes("ApiKey");
        });
        return endpoints;
    }
}
