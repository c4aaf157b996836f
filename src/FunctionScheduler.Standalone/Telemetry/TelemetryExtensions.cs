using FunctionScheduler.Core.Telemetry;
using FunctionScheduler.Standalone.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FunctionScheduler.Standalone.Telemetry;

/// <summary>
/// Exports the scheduler's spans and metrics with OpenTelemetry: to an OTLP collector when OTEL_EXPORTER_OTLP_ENDPOINT
/// is set (with ASP.NET Core's, Kestrel's and HttpClient's, and the logs), otherwise to the console when asked (ConsoleTelemetry)
/// (the scheduler's own only: the framework's would bury them, every storage call being an HTTP request).
/// </summary>
internal static class TelemetryExtensions
{
    public const string ServiceName = "FunctionScheduler.Standalone";

    public static WebApplicationBuilder AddSchedulerTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var console = !otlp && builder.Configuration.GetValue(
            $"{StandaloneOptions.SectionName}:{nameof(StandaloneOptions.ConsoleTelemetry)}", defaultValue: false);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(SchedulerTelemetry.ActivitySourceName);
                if (otlp)
                {
                    tracing.AddSource("Microsoft.AspNetCore");
                }

                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SchedulerTelemetry.MeterName);
                if (otlp)
                {
                    metrics.AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http");
                }

                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });

        // The OTLP exporter reads the endpoint, headers and protocol from the standard OTEL_* variables itself.
        if (otlp)
        {
            telemetry.WithLogging().UseOtlpExporter();
        }

        return builder;
    }
}
