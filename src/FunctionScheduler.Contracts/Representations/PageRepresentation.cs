using System.Text.Json.Serialization;

namespace FunctionScheduler.Contracts;

/// <summary>One page of a listing. <see cref="ContinuationToken"/> is written even when null: null means the last page.</summary>
public sealed record PageRepresentation<T>(
    IReadOnlyList<T> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ContinuationToken);
