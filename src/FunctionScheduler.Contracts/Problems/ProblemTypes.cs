namespace FunctionScheduler.Contracts;

/// <summary>The "type" URIs of the API's problem documents; stable, so clients can switch on them.</summary>
public static class ProblemTypes
{
    /// <summary>The request breaks rules; <see cref="ProblemDocument.Errors"/> lists each.</summary>
    public const string Validation = "urn:functionscheduler:problem:validation";

    /// <summary>No task has the id.</summary>
    public const string NotFound = "urn:functionscheduler:problem:not-found";

    /// <summary>The request conflicts with the task's state (an id taken, a group changed, a completed task paused).</summary>
    public const string Conflict = "urn:functionscheduler:problem:conflict";

    /// <summary>The task index could not be reached; retry later.</summary>
    public const string Unavailable = "urn:functionscheduler:problem:unavailable";
}
