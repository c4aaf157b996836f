namespace FunctionScheduler.Contracts;

/// <summary>A failure action's notification and how it went: on a failed run ("notification") and on an overdue task.</summary>
public sealed record NotificationRepresentation
{
    /// <summary>The id the receiver got in X-Scheduler-Run-Id: the same on every attempt and every resend, so it deduplicates on it.</summary>
    public required string Id { get; init; }

    public required NotificationStatus Status { get; init; }

    /// <summary>HTTP attempts made (0 while pending or when the address was refused).</summary>
    public required int Attempts { get; init; }

    public int? HttpStatus { get; init; }

    /// <summary>Absent unless it failed.</summary>
    public RunErrorClass? ErrorClass { get; init; }

    public string? Error { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Ids of the signing keys its requests were signed with (two during a rotation); absent when none was sent.</summary>
    public IReadOnlyList<string>? SigningKeyIds { get; init; }
}
