using FunctionScheduler.Standalone.Hosting;

namespace FunctionScheduler.Standalone;

/// <summary>
/// The standalone runtime: the REST API and the embedded dispatcher over the Table Storage index. Configuration:
/// section "Scheduler" (docs/standalone.md); scripts/run.sh starts it with Azurite for development.
/// </summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        // The content root is the application's folder, not the working directory: appsettings.json is deployed
        // beside the assembly, and a host started from anywhere else (scripts/run.sh starts it from the repository
        // root) must still read it, or it runs on the framework's defaults (request logging at Information among them).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddStandaloneScheduler();

        var app = builder.Build();
        app.MapStandaloneScheduler();
        await app.RunAsync();
    }
}
