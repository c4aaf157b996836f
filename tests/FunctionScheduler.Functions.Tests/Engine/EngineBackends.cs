using System.Globalization;
using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core;
using FunctionScheduler.Testing.Azurite;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Functions.Tests.Engine;

/// <summary>The two task-hub backends the real-engine tests run on.</summary>
internal static class EngineBackends
{
    /// <summary>How long a message a lost worker had taken stays invisible (production default: 5 minutes).</summary>
    public static readonly TimeSpan LostMessageTimeout = TimeSpan.FromSeconds(10);

    public static IOrchestrationService InMemory(ILoggerFactory loggers) => new InMemoryOrchestrationService(loggers);

    /// <summary>
    /// The Azure Storage provider on the run's Azurite (queues, tables, blobs), with the queue polling bound the
    /// app's host.json sets, four partitions (the default) and table partition management (the default).
    /// </summary>
    public static async Task<AzureStorageOrchestrationService> AzureStorageAsync(string taskHub, ILoggerFactory loggers)
    {
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = taskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(AzuriteStorage.ConnectionString),
            MaxQueuePollingInterval = HostJsonQueuePolling(),
            ControlQueueVisibilityTimeout = LostMessageTimeout,
            WorkItemQueueVisibilityTimeout = LostMessageTimeout,
            LoggerFactory = loggers,
            WorkerId = "engine-" + Guid.NewGuid().ToString("N")[..8],
        });
        await service.CreateIfNotExistsAsync();
        return service;
    }

    /// <summary>A task hub name of its own: letters and digits, 3 to 45 of them.</summary>
    public static string NewTaskHub() => "hub" + Guid.NewGuid().ToString("N")[..16];

    private static TimeSpan HostJsonQueuePolling()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "settings", "host.json")));
        var value = hostJson.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider")
            .GetProperty("maxQueuePollingInterval").GetString()!;
        return TimeSpan.Parse(value, CultureInfo.InvariantCulture);
    }
}
