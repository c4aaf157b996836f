using System.Text.Json;

namespace FunctionScheduler.Functions.Tests.Hosting;

/// <summary>
/// What the Functions host will actually index: the functions.metadata and extensions.json that the real Worker SDK
/// generated when the app was built (copied to this test's output with the app). A trigger, route, method or
/// authorization level that changed in an attribute, or an extension the build stopped bundling, fails here.
/// </summary>
public class GeneratedMetadataTests
{
    private static readonly IReadOnlyDictionary<string, JsonElement> Functions = LoadFunctions();

    public static TheoryData<string, string, string?, string, string?> Triggers() => new()
    {
        // name,           trigger type,            route,               methods,      auth level
        { "CreateTask",    "httpTrigger",           "tasks",             "post",       "Function" },
        { "ListTasks",     "httpTrigger",           "tasks",             "get",        "Function" },
        { "ReplaceTask",   "httpTrigger",           "tasks/{id}",        "put",        "Function" },
        { "GetTask",       "httpTrigger",           "tasks/{id}",        "get",        "Function" },
        { "DeleteTask",    "httpTrigger",           "tasks/{id}",        "delete",     "Function" },
        { "PauseTask",     "httpTrigger",           "tasks/{id}/pause",  "post",       "Function" },
        { "ResumeTask",    "httpTrigger",           "tasks/{id}/resume", "post",       "Function" },
        { "RunTask",       "httpTrigger",           "tasks/{id}/run",    "post",       "Function" },
        { "ListTaskRuns",  "httpTrigger",           "tasks/{id}/runs",   "get",        "Function" },
        { "Health",        "httpTrigger",           "health",            "get,head",   "Anonymous" },
        { "PreviewSchedule", "httpTrigger",         "schedules/preview", "post",       "Function" },
        { "TaskOccurrences", "httpTrigger",         "tasks/{id}/occurrences", "get",   "Function" },
        { "Dashboard",     "httpTrigger",           "dashboard",         "get,head",   "Anonymous" },
        { "DashboardFile", "httpTrigger",           "dashboard/{file}",  "get,head",   "Anonymous" },
        { "StartBackfill", "httpTrigger",           "tasks/{id}/backfill", "post",     "Function" },
        { "GetBackfill",   "httpTrigger",           "tasks/{id}/backfill", "get",      "Function" },
        { "CancelBackfill", "httpTrigger",          "tasks/{id}/backfill", "delete",   "Function" },
        { "ListVersions",  "httpTrigger",           "tasks/{id}/versions", "get",      "Function" },
        { "GetVersion",    "httpTrigger",           "tasks/{id}/versions/{version}", "get", "Function" },
        { "RestoreVersion", "httpTrigger",          "tasks/{id}/versions/{version}/restore", "post", "Function" },
        { "ExportTasks",   "httpTrigger",           "tasks/export",      "get",        "Function" },
        { "ImportTasks",   "httpTrigger",           "tasks/import",      "post",       "Function" },
        { "TaskOrchestrator", "orchestrationTrigger", null,              "",           null },
        { "ClaimDue",      "activityTrigger",       null,                "",           null },
        { "FireOccurrence", "activityTrigger",      null,                "",           null },
        { "Reconcile",     "timerTrigger",          null,                "",           null },
    };

    [Theory]
    [MemberData(nameof(Triggers))]
    public void FunctionsMetadata_EachFunction_HasItsTriggerRouteMethodsAndAuthorization(
        string name, string type, string? route, string methods, string? authLevel)
    {
        var trigger = TriggerOf(name);

        Assert.Equal(type, trigger.GetProperty("type").GetString());
        Assert.Equal(route, Optional(trigger, "route"));
        Assert.Equal(methods, trigger.TryGetProperty("methods", out var m) ? string.Join(',', m.EnumerateArray().Select(v => v.GetString())) : "");
        Assert.Equal(authLevel, Optional(trigger, "authLevel"));
        Assert.Equal("dotnet-isolated", Functions[name].GetProperty("language").GetString());
        Assert.Equal("FunctionScheduler.Functions.dll", Functions[name].GetProperty("scriptFile").GetString());
    }

    [Fact]
    public void FunctionsMetadata_Functions_AreExactlyTheAppsTwentySix()
    {
        Assert.Equal(Triggers().Select(row => (string)row[0]).Order(StringComparer.Ordinal), Functions.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FunctionsMetadata_DurableClientBinding_OnEveryTaskRouteAndTheReconcile()
    {
        var withClient = Functions.Where(f => Bindings(f.Key).Any(b => b.GetProperty("type").GetString() == "durableClient")).Select(f => f.Key);

        Assert.Equal(
            ["CancelBackfill", "CreateTask", "DeleteTask", "ExportTasks", "GetBackfill", "GetTask", "GetVersion", "ImportTasks", "ListTaskRuns", "ListTasks",
             "ListVersions", "PauseTask", "Reconcile", "ReplaceTask", "RestoreVersion", "ResumeTask", "RunTask", "StartBackfill"],
            withClient.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FunctionsMetadata_Reconcile_RunsOnTheScheduleSetting()
    {
        Assert.Equal("%ReconcileSchedule%", TriggerOf("Reconcile").GetProperty("schedule").GetString());
    }

    [Fact]
    public void ExtensionsJson_Generated_BundlesTheDurableTaskExtension()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "extensions.json")));
        var names = document.RootElement.GetProperty("extensions").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("typeName").GetString()!);

        Assert.StartsWith("Microsoft.Azure.WebJobs.Extensions.DurableTask.DurableTaskWebJobsStartup, Microsoft.Azure.WebJobs.Extensions.DurableTask,", names["DurableTask"], StringComparison.Ordinal);
        Assert.All(document.RootElement.GetProperty("extensions").EnumerateArray(), e =>
            Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, e.GetProperty("hintPath").GetString()!)), $"{e.GetProperty("hintPath")} is not in the build output."));
    }

    private static JsonElement TriggerOf(string name) =>
        Bindings(name).Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static JsonElement.ArrayEnumerator Bindings(string name) => Functions[name].GetProperty("bindings").EnumerateArray();

    private static string? Optional(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.GetString() : null;

    private static Dictionary<string, JsonElement> LoadFunctions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }
}
