namespace FunctionScheduler.Core.Model;

/// <summary>
/// What makes a target's response a success (a task's <c>target.success</c>): an accepted status, and optionally a
/// body that contains a text or whose JSON has a value at a pointer. A status outside <see cref="Statuses"/> fails
/// the run as an HTTP status error (retried when 408, 429 or 5xx, as ever); an accepted status with a body that fails
/// the check fails it as <see cref="RunErrorClass.Assertion"/>, retried only when <see cref="Retry"/> is set.
/// </summary>
public sealed record ResponseCheck
{
    /// <summary>Longest <see cref="BodyContains"/> and <see cref="JsonEquals"/>, in characters.</summary>
    public const int MaxExpectedLength = 1024;

    /// <summary>Most entries in <see cref="Statuses"/>.</summary>
    public const int MaxStatuses = 20;

    /// <summary>Any 2xx, no body check: what a task without <c>target.success</c> gets.</summary>
    public static readonly ResponseCheck Default = new();

    /// <summary>Accepted statuses; 2xx by default.</summary>
    public IReadOnlyList<StatusRange> Statuses { get; init; } = [StatusRange.Success];

    /// <summary>Text the body must contain (ordinal), or null.</summary>
    public string? BodyContains { get; init; }

    /// <summary>An RFC 6901 pointer into the body read as JSON, or null; <see cref="JsonEquals"/> says what it must hold.</summary>
    public string? JsonPointer { get; init; }

    /// <summary>The expected JSON value at <see cref="JsonPointer"/>, as compact JSON text.</summary>
    public string? JsonEquals { get; init; }

    /// <summary>Whether a response failing the body check is retried like a transient failure.</summary>
    public bool Retry { get; init; }

    /// <summary>Whether the body is read for a check (beyond the snippet every run keeps).</summary>
    public bool ChecksBody => BodyContains is not null || JsonPointer is not null;

    /// <summary>Whether <paramref name="status"/> is accepted.</summary>
    public bool Accepts(int status) => Statuses.Any(range => range.Contains(status));

    /// <summary>Value equality, the statuses compared item by item: a check read back equals the one written.</summary>
    public bool Equals(ResponseCheck? other) =>
        other is not null
        && Statuses.SequenceEqual(other.Statuses)
        && BodyContains == other.BodyContains
        && JsonPointer == other.JsonPointer
        && JsonEquals == other.JsonEquals
        && Retry == other.Retry;

    public override int GetHashCode() => HashCode.Combine(Statuses.Count, BodyContains, JsonPointer, JsonEquals, Retry);
}
