using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;

namespace FunctionScheduler.Core.Health;

/// <summary>
/// The dead-man rule, pure like the planner: a task is overdue when something it owes a run for has gone unrecorded
/// past its fire instant plus the task's tolerance. What a task owes: every occurrence in flight and every run-now
/// request (in any lifecycle: they fire paused or completed too), and while active the first scheduled occurrence
/// after the cursor. A paused or completed task owes no scheduled occurrence, so it is never overdue for one.
/// docs/semantics.md §10 is its specification.
/// </summary>
public static class OverdueCheck
{
    /// <summary>
    /// Part of the default tolerance covering the platform itself: Durable timers measured up to 80 s late, the claim
    /// and record writes around a call, a dispatcher's wake-up.
    /// </summary>
    public static readonly TimeSpan PlatformSlack = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The task's tolerance: its <see cref="ScheduledTask.OverdueTolerance"/>, or by default how late a run may be
    /// recorded while everything works: the misfire grace (a fire that late still counts as on time), the longest
    /// call of the target with its retries, the longest call of the failure action (a failed run's notification is
    /// sent before its claim is cleared), and <see cref="PlatformSlack"/>.
    /// </summary>
    public static TimeSpan ToleranceOf(ScheduledTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.OverdueTolerance
            ?? task.Schedule.MisfireGrace + task.Target.LongestCall + (task.FailureAction?.LongestCall ?? TimeSpan.Zero) + PlatformSlack;
    }

    /// <summary>The earliest owed occurrence whose deadline is at or before <paramref name="now"/>; null when none is late.</summary>
    public static OwedOccurrence? Find(ScheduledTask task, TaskRunState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(state);
        var tolerance = ToleranceOf(task);
        OwedOccurrence? earliest = null;
        void Consider(Occurrence occurrence, long generation)
        {
            var deadline = Saturating.Add(occurrence.FireAt, tolerance);
            if (deadline <= now && (earliest is null || deadline < earliest.Deadline))
            {
                earliest = new OwedOccurrence(occurrence, generation, deadline);
            }
        }

        foreach (var claimed in state.InFlight)
        {
            Consider(claimed.Occurrence, claimed.Generation);
        }

        foreach (var requestedAt in state.RunRequests)
        {
            Consider(Occurrence.Manual(requestedAt), state.Generation);
        }

        if (state.Lifecycle == TaskLifecycle.Active && UnhandledOccurrence.First(task, state) is { } scheduled)
        {
            Consider(scheduled, state.Generation);
        }

        return earliest;
    }

    /// <summary>
    /// <paramref name="state"/> with its overdue mark removed when nothing it owes is late any more (it ran, was
    /// paused, replaced, ...); otherwise <paramref name="state"/> itself. Every state write applies it, so a mark
    /// clears with the write that ends the episode; only <see cref="Decide"/> starts one.
    /// </summary>
    public static TaskRunState Settle(ScheduledTask task, TaskRunState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Overdue is not null && Find(task, state, now) is null ? state with { Overdue = null } : state;
    }

    /// <summary>
    /// What a check writes at <paramref name="now"/>: a new mark when something is late and none is kept (with a
    /// pending notification the checker then sends, when the task has a failure action); the pending notification
    /// taken over when its sender's hold lapsed; the mark removed when nothing is late; else the state itself.
    /// </summary>
    public static TaskRunState Decide(ScheduledTask task, TaskRunState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(state);
        var owed = Find(task, state, now);
        if (owed is null)
        {
            return Settle(task, state, now);
        }

        if (state.Overdue is not { } mark)
        {
            var started = new OverdueMark(owed.Occurrence, owed.Generation, owed.Deadline, ToleranceOf(task), now);
            return state with { Overdue = task.FailureAction is { } action ? Hold(started, task.Id, action, now) : started };
        }

        return mark is { Notification.Status: NotificationStatus.Pending, NotifyingUntil: { } until } && until <= now && task.FailureAction is { } again
            ? state with { Overdue = Hold(mark, task.Id, again, now) }
            : state;
    }

    /// <summary>Whether the check that wrote <paramref name="written"/> over <paramref name="read"/> holds a notification to send.</summary>
    public static bool HoldsNotification(TaskRunState read, TaskRunState written)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(written);
        return written.Overdue is { Notification.Status: NotificationStatus.Pending, NotifyingUntil: { } until }
            && until != read.Overdue?.NotifyingUntil;
    }

    // The sender holds the notification for as long as its longest call may take, plus a margin for the write after.
    private static OverdueMark Hold(OverdueMark mark, string taskId, HttpTarget action, DateTimeOffset now) => mark with
    {
        Notification = new NotificationOutcome(Notifications.NotificationIds.Overdue(taskId, mark), NotificationStatus.Pending),
        NotifyingUntil = Saturating.Add(now, action.LongestCall + PlatformSlack),
    };
}
