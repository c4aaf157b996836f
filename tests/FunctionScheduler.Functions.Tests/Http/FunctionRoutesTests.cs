using System.Reflection;
using FunctionScheduler.Functions.Tests.Fakes;
using Microsoft.Azure.Functions.Worker;

namespace FunctionScheduler.Functions.Tests.Http;

/// <summary>The REST contract's routes as the app declares them to the Functions host.</summary>
public class FunctionRoutesTests
{
    public static TheoryData<string, string, string, AuthorizationLevel> Routes() => new()
    {
        { "CreateTask", "post", "tasks", AuthorizationLevel.Function },
        { "ListTasks", "get", "tasks", AuthorizationLevel.Function },
        { "ReplaceTask", "put", "tasks/{id}", AuthorizationLevel.Function },
        { "GetTask", "get", "tasks/{id}", AuthorizationLevel.Function },
        { "DeleteTask", "delete", "tasks/{id}", AuthorizationLevel.Function },
        { "PauseTask", "post", "tasks/{id}/pause", AuthorizationLevel.Function },
        { "ResumeTask", "post", "tasks/{id}/resume", AuthorizationLevel.Function },
        { "RunTask", "post", "tasks/{id}/run", AuthorizationLevel.Function },
        { "ListTaskRuns", "get", "tasks/{id}/runs", AuthorizationLevel.Function },
        { "Health", "get,head", "health", AuthorizationLevel.Anonymous },
        { "PreviewSchedule", "post", "schedules/preview", AuthorizationLevel.Function },
        { "TaskOccurrences", "get", "tasks/{id}/occurrences", AuthorizationLevel.Function },
        { "Dashboard", "get,head", "dashboard", AuthorizationLevel.Anonymous },
        { "DashboardFile", "get,head", "dashboard/{file}", AuthorizationLevel.Anonymous },
        { "StartBackfill", "post", "tasks/{id}/backfill", AuthorizationLevel.Function },
        { "GetBackfill", "get", "tasks/{id}/backfill", AuthorizationLevel.Function },
        { "CancelBackfill", "delete", "tasks/{id}/backfill", AuthorizationLevel.Function },
        { "ListVersions", "get", "tasks/{id}/versions", AuthorizationLevel.Function },
        { "GetVersion", "get", "tasks/{id}/versions/{version}", AuthorizationLevel.Function },
        { "RestoreVersion", "post", "tasks/{id}/versions/{version}/restore", AuthorizationLevel.Function },
        { "ExportTasks", "get", "tasks/export", AuthorizationLevel.Function },
        { "ImportTasks", "post", "tasks/import", AuthorizationLevel.Function },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void HttpFunction_Declared_MethodRouteAndAuthorizationAsContracted(string name, string method, string route, AuthorizationLevel level)
    {
        var trigger = FunctionHost.Named(name).GetParameters()
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(a => a is not null)!;

        Assert.Equal(method.Split(','), trigger.Methods ?? []);
        Assert.Equal(route, trigger.Route);
        Assert.Equal(level, trigger.AuthLevel);
    }

    [Fact]
    public void App_EveryHttpFunction_IsInTheRouteTable()
    {
        var http = FunctionHost.All
            .Where(f => f.GetParameters().Any(p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null))
            .Select(f => f.GetCustomAttribute<FunctionAttribute>()!.Name);

        Assert.Equal(Routes().Select(row => (string)row[0]).Order(), http.Order());
    }

    [Fact]
    public void App_FunctionNames_AreUniqueAndValid()
    {
        var names = FunctionHost.All.Select(f => f.GetCustomAttribute<FunctionAttribute>()!.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.Matches("^[A-Za-z][A-Za-z0-9_-]{0,127}$", n));
    }
}
