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
        var builder = WebApplication.CreateBuilder(args);
        builder.AddStandaloneScheduler();

        var app = builder.Build();
        app.MapStandaloneScheduler();
        await app.RunAsync();
    }
}
