namespace FunctionScheduler.Core.Model;

/// <summary>A failure action's notification and how it went; kept with the failed run, or with the overdue mark.</summary>
/// <param name="Id">The notification id (<see cref="Notifications.NotificationIds"/>), sent as X-Scheduler-Run-Id.</param>
public sealed record NotificationOutcome(string Id, NotificationStatus Status)
{
    /// <summary>Attempts made; 0 while pending and when the address was refused.</summary>
    public int Attempts { get; init; }

    public int? HttpStatus { get; init; }

    public RunErrorClass ErrorClass { get; init; }

    /// <summary>A short description of the last error, secrets redacted.</summary>
    public string? Error { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Ids of the signing keys its requests were signed with (as a run's); null when none was sent.</summary>
    public IReadOnlyList<string>? SigningKeyIds { get; init; }
}
