using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Planning;

/// <summary>
/// The one place that decides when a task fires. Pure: definition, state and "now" in, a decision out; no clock,
/// no I/O. Both runtimes call it.
/// </summary>
public static class TaskPlanner
{
    /// <summary>Plans <paramref name="task"/> at <paramref name="now"/> for <paramref name="claim"/>.</summary>
    public static PlanDecision Plan(ScheduledTask task, TaskRunState state, DateTimeOffset now, ClaimRequest claim) =>
        throw new NotImplementedException("Planner in progress (issue 2).");
}
