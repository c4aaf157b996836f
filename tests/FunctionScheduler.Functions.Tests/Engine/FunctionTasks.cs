using System.Collections.Concurrent;
using System.Reflection;
using FunctionScheduler.Functions.Orchestration;
using FunctionScheduler.Functions.Tests.Fakes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace FunctionScheduler.Functions.Tests.Engine;

/// <summary>
/// Registers the app's orchestrator and activities with a Durable worker under their [Function] names, bound the way
/// the Functions host binds them (the trigger input, a FunctionContext, the cancellation token), and counts the
/// orchestrator's passes: an episode that starts without replaying is the first of an execution, and every
/// execution is one pass (each pass ends in continue-as-new).
/// </summary>
internal sealed class FunctionTasks
{
    private readonly ConcurrentDictionary<string, int> _passes = new(StringComparer.Ordinal);
    private int _episodes;

    /// <summary>Orchestrator executions (passes) per instance id so far.</summary>
    public int PassesOf(string instanceId) => _passes.GetValueOrDefault(instanceId);

    /// <summary>Orchestrator executions (passes) of every instance so far.</summary>
    public int Passes => _passes.Values.Sum();

    /// <summary>Every orchestrator episode so far (replays included).</summary>
    public int Episodes => Volatile.Read(ref _episodes);

    public void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var orchestrator = FunctionHost.Orchestrator(TaskOrchestrator.Name);
        registry.AddOrchestrator(TaskOrchestrator.Name, () => new CountingOrchestrator(this, orchestrator));
        foreach (var function in FunctionHost.All.Where(f => f.GetParameters().Any(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null)))
        {
            var name = function.GetCustomAttribute<FunctionAttribute>()!.Name;
            registry.AddActivity(name, services => new FunctionActivity(new FunctionHost(services), function));
        }
    }

    private void Counted(TaskOrchestrationContext context)
    {
        Interlocked.Increment(ref _episodes);
        if (!context.IsReplaying)
        {
            _passes.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
        }
    }

    private sealed class CountingOrchestrator(FunctionTasks owner, Func<TaskOrchestrationContext, Task> run) : ITaskOrchestrator
    {
        public Type InputType => typeof(TaskOrchestrationInput);

        public Type OutputType => typeof(string);

        public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
        {
            owner.Counted(context);
            var task = run(context);
            await task;
            return task.GetType().GetProperty("Result")?.GetValue(task);
        }
    }

    private sealed class FunctionActivity(FunctionHost host, MethodInfo function) : ITaskActivity
    {
        public Type InputType => function.GetParameters().Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null).ParameterType;

        public Type OutputType => function.ReturnType.GetGenericArguments().Single();

        public Task<object?> RunAsync(TaskActivityContext context, object? input) => host.InvokeActivityAsync(function, input, CancellationToken.None);
    }
}
