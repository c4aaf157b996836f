namespace FunctionScheduler.Functions.Orchestration;

/// <summary>How a pass of <see cref="TaskOrchestrator"/> ended; the instance's output when it was the last pass.</summary>
public static class PassOutcome
{
    /// <summary>The pass continued as new: the instance goes on.</summary>
    public const string Continued = "continued";

    /// <summary>The task was deleted: the instance ended.</summary>
    public const string TaskGone = "task-gone";
}
