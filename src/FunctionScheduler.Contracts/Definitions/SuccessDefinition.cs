namespace FunctionScheduler.Contracts;

/// <summary>The "target.success" object of a definition: what counts as a successful response.</summary>
public sealed record SuccessDefinition
{
    /// <summary>Accepted statuses: codes ("204", or the number 204), ranges ("200-204") and classes ("2xx"); 2xx when null.</summary>
    public IReadOnlyList<string>? Statuses { get; init; }

    /// <summary>A check of the body of a response whose status is accepted; none when null.</summary>
    public BodyCheck? Body { get; init; }

    /// <summary>Whether a response failing the body check is retried like a 5xx; false when null.</summary>
    public bool? Retry { get; init; }
}
