using Azure.Monitor.OpenTelemetry.Exporter;
using FunctionScheduler.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FunctionScheduler.Functions.Hosting;

/// <summary>
/// OpenTelemetry for the worker: the scheduler's traces (one span per fire, one per HTTP attempt) and metrics,
/// exported to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set (with a Microsoft Entra
/// credential when APPLICATIONINSIGHTS_AUTHENTICATION_STRING says so), else over OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, else traces to the console (local runs).
/// </summary>
/// <remarks>
/// Logs are not exported from here: the worker's ILogger output already travels to the Functions host, which
/// exports it (as OpenTelemetry, with telemetryMode "OpenTelemetry" in host.json, to the same destination). A
/// second exporter in the worker writes every record twice (Azure/azure-functions-dotnet-worker#2474) unless the
/// host is told to stop forwarding, which only Microsoft.Azure.Functions.Worker.OpenTelemetry can do; see
/// docs/functions.md, "Telemetry".
/// </remarks>
public static class OpenTelemetryHostBuilderExtensions
{
    public const string ServiceName = "FunctionScheduler.Functions";

    public static IHostApplicationBuilder AddSchedulerOpenTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var connectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var exporter = !string.IsNullOrEmpty(connectionString) ? Exporter.AzureMonitor
            : !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) ? Exporter.Otlp
            : Exporter.Console;
        var credential = exporter == Exporter.AzureMonitor
            ? ApplicationInsightsCredential.FromAuthenticationString(configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"])
            : null;

        void AzureMonitor(AzureMonitorExporterOptions options)
        {
            options.ConnectionString = connectionString;
            options.Credential = credential;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(SchedulerTelemetry.ActivitySourceName);
                _ = exporter switch
                {
                    Exporter.AzureMonitor => tracing.AddAzureMonitorTraceExporter(AzureMonitor),
                    Exporter.Otlp => tracing.AddOtlpExporter(),
                    _ => tracing.AddConsoleExporter(),
                };
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SchedulerTelemetry.MeterName);
                _ = exporter switch
                {
                    Exporter.AzureMonitor => metrics.AddAzureMonitorMetricExporter(AzureMonitor),
                    Exporter.Otlp => metrics.AddOtlpExporter(),
                    _ => metrics,
                };
            });
        return builder;
    }

    private enum Exporter
    {
        Console,
        Otlp,
        AzureMonitor,
    }
}
