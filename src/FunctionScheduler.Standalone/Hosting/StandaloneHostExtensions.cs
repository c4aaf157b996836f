using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.DependencyInjection;
using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Http;
using FunctionScheduler.Standalone.Dispatching;
using FunctionScheduler.Standalone.Http;
using FunctionScheduler.Standalone.Telemetry;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Standalone.Hosting;

/// <summary>The standalone host's wiring: services on the builder, the pipeline and routes on the app.</summary>
public static class StandaloneHostExtensions
{
    /// <summary>Registers the core (index, invoker, executor, API handlers), the dispatcher and the HTTP surface.</summary>
    public static WebApplicationBuilder AddStandaloneScheduler(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddSchedulerStorage(builder.Configuration);
        services.AddSchedulerTargets(builder.Configuration.GetSection("Scheduler"));
        services.AddSchedulerExecution();
        services.TryAddSingleton<TasksApi>();
        services.TryAddSingleton<HealthCheck>();

        services.AddOptions<StandaloneOptions>().BindConfiguration(StandaloneOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DispatcherOptions>().BindConfiguration(DispatcherOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DispatchInbox>();
        services.AddSingleton<ITaskChangeNotifier, ChannelTaskChangeNotifier>();
        services.AddSingleton<TaskDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<TaskDispatcher>());

        // The host waits for the dispatcher's own grace, its two last heartbeats (each one storage request at most),
        // and a little for the rest.
        services.AddOptions<HostOptions>().Configure<IOptions<DispatcherOptions>, IOptions<TableStorageOptions>>((host, dispatcher, storage) =>
            host.ShutdownTimeout = dispatcher.Value.ShutdownGrace + (storage.Value.RequestTimeout * 2) + TimeSpan.FromSeconds(5));

        services.AddSingleton<ApiKeys>();
        services.AddHostedService<ApiKeyAnnouncer>();
        services.AddSchedulerHttpApi(builder.Configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.ConfigureHttpJsonOptions(json => SchedulerJson.Configure(json.SerializerOptions));
        services.AddSchedulerOpenApi();

        // Kestrel's own cap stops oversized bodies on every route; the JSON routes apply the configured, smaller one.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<HttpApiOptions>>((kestrel, http) =>
            kestrel.Limits.MaxRequestBodySize = http.Value.MaxRequestBodyBytes + 1);

        builder.AddSchedulerTelemetry();
        return builder;
    }

    /// <summary>Adds problem handling, the OpenAPI document, the health check and the task routes.</summary>
    public static WebApplication MapStandaloneScheduler(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
        // The one document by its literal path: a pattern with {documentName} answers other names with a text/plain 404.
        app.MapOpenApi("/openapi/v1.json");
        app.MapHealthEndpoint();
        app.MapTaskEndpoints();
        app.MapPreviewEndpoints();
        app.MapDashboard();
        app.MapDevelopmentEcho();
        return app;
    }
}
