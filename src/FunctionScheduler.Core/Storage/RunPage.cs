using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage;

/// <summary>One page of run history; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record RunPage(IReadOnlyList<RunRecord> Items, string? ContinuationToken);
