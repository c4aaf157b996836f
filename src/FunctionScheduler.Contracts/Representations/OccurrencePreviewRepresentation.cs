namespace FunctionScheduler.Contracts;

/// <summary>One upcoming occurrence of a preview.</summary>
public sealed record OccurrencePreviewRepresentation
{
    /// <summary>The nominal instant, in UTC.</summary>
    public required DateTimeOffset ScheduledAt { get; init; }

    /// <summary>The instant it fires (nominal plus the task's jitter), in UTC.</summary>
    public required DateTimeOffset FireAt { get; init; }

    /// <summary>The nominal instant as local time in the preview's zone, with its offset (RFC 3339).</summary>
    public required string Local { get; init; }

    /// <summary>Present where a daylight-saving change moved or doubled the local time; for people.</summary>
    public string? Note { get; init; }
}
