using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Targets;

/// <summary>One fire's call: whose, which occurrence, and the target to call.</summary>
/// <remarks>A failure action's notification is one too: its <see cref="RunId"/> is the notification id, and <see cref="Event"/> says what it reports.</remarks>
public sealed record TargetInvocation(string TaskId, string RunId, Occurrence Occurrence, HttpTarget Target)
{
    /// <summary>Set for a failure action's notification (sent as X-Scheduler-Event); null for a run.</summary>
    public NotificationEvent? Event { get; init; }
}
