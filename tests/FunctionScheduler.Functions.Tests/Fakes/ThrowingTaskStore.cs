using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;

namespace FunctionScheduler.Functions.Tests.Fakes;

/// <summary>An index that fails every call with the given error: storage down, a bug, contention.</summary>
internal sealed class ThrowingTaskStore(Exception error) : ITaskStore
{
    public Task<StoredTask?> GetAsync(string taskId, CancellationToken cancellationToken = default) => throw error;

    public Task<StoredTask?> GetAsync(string group, string taskId, CancellationToken cancellationToken = default) => throw error;

    public Task<StoredTask> CreateAsync(ScheduledTask definition, TaskRunState state, CancellationToken cancellationToken = default) => throw error;

    public Task<StoredTask> ReplaceAsync(StoredTask current, ScheduledTask definition, TaskRunState state, CancellationToken cancellationToken = default) => throw error;

    public Task<StoredTask> UpdateStateAsync(StoredTask current, TaskRunState state, CancellationToken cancellationToken = default) => throw error;

    public Task<TaskPage> ListAsync(TaskQuery query, CancellationToken cancellationToken = default) => throw error;

    public Task<bool> DeleteAsync(string taskId, CancellationToken cancellationToken = default) => throw error;
}
