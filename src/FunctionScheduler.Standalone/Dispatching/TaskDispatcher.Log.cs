namespace FunctionScheduler.Standalone.Dispatching;

internal sealed partial class TaskDispatcher
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Dispatcher {InstanceId} starting: resync every {ResyncInterval}, at most {MaxConcurrentFires} fires at once")]
    private partial void LogStarting(string instanceId, TimeSpan resyncInterval, int maxConcurrentFires);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Index read {Resync}: {Tasks} tasks in memory, {Removed} removed")]
    private partial void LogResynced(int resync, int tasks, int removed);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Reading the index failed; trying again in {Backoff}")]
    private partial void LogResyncFailed(Exception exception, TimeSpan backoff);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Task {TaskId}: the fire failed; reading the task again in {Backoff}")]
    private partial void LogFireFailed(Exception exception, string taskId, TimeSpan backoff);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Task {TaskId}: fire cancelled at shutdown; its claim lapses and another instance takes it over")]
    private partial void LogFireCancelled(string taskId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Stopping: waiting up to {Grace} for {Fires} fires in progress")]
    private partial void LogDraining(int fires, TimeSpan grace);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Shutdown grace over: cancelling {Fires} fires still in progress")]
    private partial void LogDrainTimedOut(int fires);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Dispatcher {InstanceId} stopped")]
    private partial void LogStopped(string instanceId);
}
