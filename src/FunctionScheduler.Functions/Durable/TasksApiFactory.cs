using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Targets;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Functions.Durable;

/// <summary>
/// Builds the core's <see cref="TasksApi"/> around the invocation's Durable client. The isolated worker hands out a
/// <see cref="DurableTaskClient"/> only through the [DurableClient] input binding, not through the container, so
/// the change notifier (and with it the API) is put together per invocation; everything else is a singleton.
/// </summary>
public sealed class TasksApiFactory(ITaskStore store, IRunLog runs, IDefinitionHistory history, TargetWarnings warnings, TimeProvider time, ILoggerFactory loggers)
{
    public TasksApi Create(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var notifier = new DurableTaskChangeNotifier(Orchestrations(client));
        return new TasksApi(store, runs, history, notifier, warnings, time, loggers.CreateLogger<TasksApi>());
    }

    /// <summary>The start/wake/end operations over <paramref name="client"/>.</summary>
    public TaskOrchestrations Orchestrations(DurableTaskClient client) =>
        new(client, loggers.CreateLogger<TaskOrchestrations>());
}
