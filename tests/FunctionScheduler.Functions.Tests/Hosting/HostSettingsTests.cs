using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionScheduler.Core.Validation;
using FunctionScheduler.Functions.Tests.Fakes;
using Microsoft.Azure.Functions.Worker;

namespace FunctionScheduler.Functions.Tests.Hosting;

/// <summary>
/// host.json and local.settings.example.json as shipped. The Functions host ignores keys it does not know, so a key
/// nested in the wrong place fails silently in production; these tests fail instead.
/// </summary>
public partial class HostSettingsTests
{
    private static readonly JsonElement HostJson = Load("host.json");
    private static readonly JsonElement LocalSettings = Load("local.settings.example.json");

    // The host.json schema's top level and the keys the Durable extension (DurableTaskOptions) and its Azure Storage
    // provider (AzureStorageOptions) bind; names compare case-insensitively, as configuration binding does.
    private static readonly string[] HostKeys = ["version", "functionTimeout", "logging", "extensions", "telemetryMode", "concurrency", "healthMonitor", "singleton", "watchDirectories", "aggregator", "retry", "managedDependency", "extensionBundle"];
    private static readonly string[] DurableKeys = ["hubName", "storageProvider", "tracing", "notifications", "maxConcurrentActivityFunctions", "maxConcurrentOrchestratorFunctions", "extendedSessionsEnabled", "extendedSessionIdleTimeoutInSeconds", "maxOrchestrationActions", "overridableExistingInstanceStates", "defaultVersion", "versionMatchStrategy", "versionFailureStrategy", "httpSettings", "useGracefulShutdown", "useAppLease"];
    private static readonly string[] AzureStorageKeys = ["connectionName", "controlQueueBatchSize", "partitionCount", "controlQueueBufferThreshold", "controlQueueVisibilityTimeout", "workItemQueueVisibilityTimeout", "trackingStoreConnectionName", "trackingStoreNamePrefix", "fetchLargeMessagesAutomatically", "maxQueuePollingInterval", "useLegacyPartitionManagement", "useTablePartitionManagement", "partitionTableOperationTimeout", "queueClientMessageEncoding", "useInstanceTableEtag"];

    [Fact]
    public void HostJson_EveryKey_IsOneTheHostReadsWhereItIs()
    {
        AssertKnown(HostJson, HostKeys, "host.json");
        AssertKnown(Durable, DurableKeys, "extensions.durableTask");
        AssertKnown(Durable.GetProperty("storageProvider"), AzureStorageKeys, "extensions.durableTask.storageProvider");
        AssertKnown(HostJson.GetProperty("extensions").GetProperty("http"), ["routePrefix", "maxOutstandingRequests", "maxConcurrentRequests", "dynamicThrottlesEnabled", "hsts", "customHeaders"], "extensions.http");
    }

    [Fact]
    public void HostJson_Values_AreTheOnesTheAppRelyOn()
    {
        Assert.Equal("2.0", HostJson.GetProperty("version").GetString());
        Assert.Equal("%TaskHubName%", Durable.GetProperty("hubName").GetString());
        Assert.Equal(FunctionHost.RoutePrefix, HostJson.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void HostJson_QueuePolling_BoundsTimerLatenessToSeconds()
    {
        var polling = TimeSpan.Parse(Durable.GetProperty("storageProvider").GetProperty("maxQueuePollingInterval").GetString()!, CultureInfo.InvariantCulture);

        Assert.InRange(polling, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void HostJson_FunctionTimeout_OutlastsTheSlowestFire()
    {
        var timeout = TimeSpan.Parse(HostJson.GetProperty("functionTimeout").GetString()!, CultureInfo.InvariantCulture);

        Assert.True(timeout >= DefinitionLimits.MaxRetryDuration + DefinitionLimits.MaxTimeout, $"functionTimeout {timeout} is shorter than the longest fire.");
    }

    [Fact]
    public void Settings_EveryPercentReference_IsDefinedInTheLocalSettingsExample()
    {
        var values = LocalSettings.GetProperty("Values");
        var attributeValues = FunctionHost.All
            .SelectMany(f => f.GetParameters())
            .Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()?.Schedule)
            .OfType<string>();
        var references = attributeValues.Append(HostJson.GetRawText())
            .SelectMany(text => SettingReference().Matches(text).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.Contains("TaskHubName", references);
        Assert.Contains("ReconcileSchedule", references);
        Assert.All(references, name => Assert.True(values.TryGetProperty(name, out _), $"%{name}% is not in local.settings.example.json."));
    }

    [Fact]
    public void LocalSettingsExample_Values_RunAgainstAzuriteWithADevKey()
    {
        var values = LocalSettings.GetProperty("Values");

        Assert.False(LocalSettings.GetProperty("IsEncrypted").GetBoolean());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("AzureWebJobsStorage").GetString());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("Scheduler__Storage__ConnectionString").GetString());
        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.Equal("127.0.0.1/32", values.GetProperty("Scheduler__Targets__AllowedNetworks__0").GetString());
        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", values.GetProperty("TaskHubName").GetString());
        Assert.Equal(6, values.GetProperty("ReconcileSchedule").GetString()!.Split(' ').Length);
        var secret = values.GetProperty("Scheduler__Signing__Secret").GetString()!;
        Assert.True(Encoding.UTF8.GetByteCount(secret) >= 32);
        Assert.Contains("DEV-ONLY", secret, StringComparison.Ordinal);
    }

    private static JsonElement Durable => HostJson.GetProperty("extensions").GetProperty("durableTask");

    private static void AssertKnown(JsonElement section, string[] known, string where)
    {
        foreach (var property in section.EnumerateObject())
        {
            Assert.True(known.Contains(property.Name, StringComparer.OrdinalIgnoreCase), $"'{property.Name}' in {where} is not a key the host reads there.");
        }
    }

    private static JsonElement Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "settings", name)));
        return document.RootElement.Clone();
    }

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex SettingReference();
}
