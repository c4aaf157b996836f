using FunctionScheduler.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The worker defaults (gRPC channel to the host, bindings, Durable through its extension startup) come with the
// builder; the scheduler's services and telemetry are wired in Hosting/.
var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddFunctionScheduler(builder.Configuration);
builder.AddSchedulerOpenTelemetry();
builder.Build().Run();
