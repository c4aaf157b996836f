namespace FunctionScheduler.Contracts;

/// <summary>The "target.success" object, every default written out.</summary>
public sealed record SuccessRepresentation
{
    /// <summary>Accepted statuses, each a code ("204") or an inclusive range ("200-299"); a class such as "2xx" reads back as its range.</summary>
    public required IReadOnlyList<string> Statuses { get; init; }

    /// <summary>The body check; absent when there is none.</summary>
    public BodyCheck? Body { get; init; }

    /// <summary>Whether a response failing the body check is retried.</summary>
    public required bool Retry { get; init; }

    /// <summary>The same values as a definition's success object, for putting a read definition back.</summary>
    public SuccessDefinition ToDefinition() => new() { Statuses = Statuses, Body = Body, Retry = Retry };
}
