using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Liveness;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Standalone.Dispatching;

/// <summary>Everything that reaches the dispatcher loop goes through its inbox as one of these.</summary>
internal abstract record DispatchMessage;

/// <summary>The API stored a change to a task (<see cref="ITaskChangeNotifier"/>).</summary>
internal sealed record TaskChanged(StoredTask Task, TaskChange Change, long Sequence) : DispatchMessage;

/// <summary>A fire ended. <see cref="Task"/> is the task as stored afterwards, null when it is gone.</summary>
internal sealed record FireCompleted(string TaskId, StoredTask? Task, DateTimeOffset? WakeAt, bool Failed, long Sequence) : DispatchMessage;

/// <summary>One page of the index, read after the change sequence stood at <see cref="ReadAfter"/>.</summary>
internal sealed record IndexPage(int Resync, IReadOnlyList<StoredTask> Tasks, long ReadAfter, bool Last, bool Failed) : DispatchMessage;

/// <summary>A test asks to be told when the dispatcher is idle at or after <see cref="At"/>.</summary>
internal sealed record IdleRequest(DateTimeOffset At, TaskCompletionSource Done) : DispatchMessage;

/// <summary>A heartbeat found a change: this instance registered, or others are gone or stopping.</summary>
internal sealed record HostsObserved(LivenessChange Change) : DispatchMessage;

/// <summary>A heartbeat did not get through: storage does not answer.</summary>
internal sealed record StorageUnreachable : DispatchMessage
{
    public static readonly StorageUnreachable Instance = new();
}

/// <summary>The loop's timer went off: something may be due, or a resync may be needed.</summary>
internal sealed record WakeUp : DispatchMessage
{
    public static readonly WakeUp Instance = new();
}
