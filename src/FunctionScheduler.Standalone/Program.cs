using FunctionScheduler.Standalone.Hosting;

// The standalone runtime: the REST API and the embedded dispatcher over the Table Storage index.
// Configuration: section "Scheduler" (docs/standalone.md); scripts/run.sh starts it with Azurite for development.
var builder = WebApplication.CreateBuilder(args);
builder.AddStandaloneScheduler();

var app = builder.Build();
app.MapStandaloneScheduler();
await app.RunAsync();
