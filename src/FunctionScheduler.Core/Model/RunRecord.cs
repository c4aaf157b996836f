namespace FunctionScheduler.Core.Model;

/// <summary>
/// One row of run history. Keyed by (task id, <see cref="RunId.KeyOf"/>), so recording the same occurrence of the
/// same generation twice writes the same row, and the same instant in two generations writes two.
/// </summary>
public sealed record RunRecord
{
    /// <summary>Longest response snippet kept, in characters.</summary>
    public const int MaxSnippetLength = 1024;

    public required string TaskId { get; init; }

    public required string RunId { get; init; }

    public required Occurrence Occurrence { get; init; }

    public required RunStatus Status { get; init; }

    /// <summary>The task's generation the occurrence was claimed in (at least 1); part of the run id and key.</summary>
    public required long Generation { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>HTTP attempts made (0 for a missed record or a refused target).</summary>
    public int Attempts { get; init; }

    /// <summary>Status of the last response, if any came.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>From the first attempt's start to the last attempt's end, retry delays included.</summary>
    public TimeSpan? Duration { get; init; }

    public RunErrorClass ErrorClass { get; init; }

    /// <summary>A short, host-written description of the error; never a stack trace.</summary>
    public string? Error { get; init; }

    /// <summary>The start of the last response body, at most <see cref="MaxSnippetLength"/> characters.</summary>
    public string? ResponseSnippet { get; init; }

    /// <summary>
    /// The ids of the signing keys whose signatures the run's requests carried, each once, in order of first use;
    /// null when no request was sent.
    /// </summary>
    public IReadOnlyList<string>? SigningKeyIds { get; init; }

    /// <summary>For a <see cref="RunStatus.Missed"/> record: how many occurrences it stands for (this one the latest).</summary>
    public int? MissedCount { get; init; }

    /// <summary>For a <see cref="RunStatus.Missed"/> record: the earliest occurrence it stands for.</summary>
    public DateTimeOffset? MissedFrom { get; init; }

    /// <summary>For a failed run of a task with a failure action: the notification about it.</summary>
    public NotificationOutcome? Notification { get; init; }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="maxLength"/> characters, never between the halves of a surrogate pair.</summary>
    internal static string? Cut(string? text, int maxLength)
    {
        if (text is null || text.Length <= maxLength)
        {
            return text;
        }

        var length = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..length];
    }
}
