using FunctionScheduler.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The worker defaults (gRPC channel to the host, bindings, Durable through its extension startup) come with the
// builder; ConfigureFunctionsWebApplication serves HTTP triggers through ASP.NET Core (HttpRequest in, IResult out),
// so the HTTP layer is the standalone host's. The scheduler's services and telemetry are wired in Hosting/.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddFunctionScheduler(builder.Configuration);
builder.AddSchedulerOpenTelemetry();
builder.Build().Run();
