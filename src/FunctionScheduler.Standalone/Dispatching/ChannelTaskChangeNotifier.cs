using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Standalone.Dispatching;

/// <summary>
/// Wakes this instance's dispatcher when its API changed a task: the notice goes into the dispatcher's inbox, so
/// create, replace, pause, resume, run-now and delete take effect without waiting for a resync.
/// </summary>
internal sealed class ChannelTaskChangeNotifier(DispatchInbox inbox) : ITaskChangeNotifier
{
    public Task NotifyAsync(StoredTask task, TaskChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        inbox.Post(new TaskChanged(task, change, inbox.NextSequence()));
        return Task.CompletedTask;
    }
}
